import type { FolderSchema, SchemaField, SeenValue } from './schema-types'
import type { FrontMatterValue } from './types'
import { kindOf } from './values'

/** Distinct values kept per key before it counts as open-ended (titles, summaries). */
export const maxSchemaValues = 64

const maxValueLength = 80

/**
 * True when the accumulator takes nothing from a string but "text too long or multi-line to suggest": not a date,
 * no date layout, and over the suggestion length or holding a line break. Such strings may be stood in for by
 * `openEndedStandIn` without changing the schema.
 */
export function isOpenEndedText(text: string): boolean {
  return (text.length > maxValueLength || text.includes('\n')) && kindOf(text) === 'string' && dateLayoutOf(text) === null
}

/** One string that counts exactly as any open-ended text does (see isOpenEndedText). */
export const openEndedStandIn = '\n'

interface KeyStats {
  count: number
  kinds: SchemaField['kinds']
  values: Map<string, number> | null
  layouts: Map<string, number>
}

const layoutPattern = /^(\d{4}-\d{2}-\d{2})(?:([T ])(\d{2}:\d{2})(:\d{2})?(\.\d+)?(\s*)(Z|[+-]\d{2}:?\d{2})?)?$/i

/** The Go layout of a date as written (`2006-01-02T15:04:05Z07:00`), or null when it is not a date Folio recognises. */
export function dateLayoutOf(text: string): string | null {
  const m = layoutPattern.exec(text.trim())
  if (!m) return null
  if (m[2] === undefined) return '2006-01-02'
  let out = `2006-01-02${m[2]}15:04`
  if (m[4]) out += ':05'
  if (m[5]) out += '.' + '0'.repeat(m[5].length - 1)
  const zone = m[7]
  if (zone) out += (m[6] ?? '') + (zone.toUpperCase() === 'Z' ? 'Z07:00' : zone.includes(':') ? '-07:00' : '-0700')
  return out
}

/** Collects per-key statistics one article at a time; `finish` returns the inferred schema. */
export class SchemaAccumulator {
  private readonly keys = new Map<string, KeyStats>()
  private articles = 0

  /** Counts one article's front-matter data (empty for an article without front matter or with errors). */
  add(data: Record<string, FrontMatterValue>): void {
    this.articles++
    for (const [key, value] of Object.entries(data)) {
      let stats = this.keys.get(key)
      if (!stats) {
        stats = { count: 0, kinds: {}, values: new Map(), layouts: new Map() }
        this.keys.set(key, stats)
      }
      stats.count++
      const kind = kindOf(value)
      stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1
      this.addValues(stats, value)
    }
  }

  /** The schema inferred so far (no explicit fields, no site time zone). */
  finish(): FolderSchema {
    const fields = [...this.keys].map(([key, s]): SchemaField => ({
      key,
      count: s.count,
      kinds: s.kinds,
      values: s.values === null ? null : sortedByCount(s.values).map(([value, count]): SeenValue => ({ value, count })),
      dateLayouts: sortedByCount(s.layouts).map(([layout]) => layout),
    }))
    fields.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    return { articleCount: this.articles, fields, sources: [], problems: [], siteTimeZone: null }
  }

  private addValues(stats: KeyStats, value: FrontMatterValue): void {
    const items = Array.isArray(value) ? value : [value]
    // NOTE: a value counts once per article, so "from N articles" and repetition checks mean articles, not items.
    const seen = new Set<string>()
    for (const item of items) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') seen.add(String(item))
    }
    if (typeof value === 'string') {
      const layout = dateLayoutOf(value)
      if (layout !== null) stats.layouts.set(layout, (stats.layouts.get(layout) ?? 0) + 1)
    }
    if (stats.values === null) return
    for (const text of seen) {
      if (text.length > maxValueLength || text.includes('\n')) {
        stats.values = null
        return
      }
      stats.values.set(text, (stats.values.get(text) ?? 0) + 1)
    }
    if (stats.values.size > maxSchemaValues) stats.values = null
  }
}

function sortedByCount(map: Map<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}
