import type { FolderSchema, SchemaField } from '../front-matter/schema-types'
import { formatGoTime, type ZonedWallTime } from '../hugo/go-time'
import { renderKey } from '../front-matter/yaml-render'

function dominant(field: SchemaField): string {
  let best = 'string'
  let count = -1
  for (const [kind, n] of Object.entries(field.kinds)) if ((n ?? 0) > count) [best, count] = [kind, n ?? 0]
  return best
}

const quote = (s: string): string => JSON.stringify(s)

function valueFor(field: SchemaField, title: string, clock: ZonedWallTime): string {
  const key = field.key.toLowerCase()
  if (key === 'title') return quote(title)
  const kind = dominant(field)
  if (kind === 'date') return formatGoTime(clock, field.dateLayouts[0] ?? '2006-01-02T15:04:05Z07:00')
  if (kind === 'boolean') return key === 'draft' ? 'true' : 'false'
  if (kind === 'list') return '[]'
  if (kind === 'number') return '0'
  if (kind === 'object') return '{}'
  // NOTE: a value most articles share (Jekyll's `layout: post`) is the useful default; a varied one (a description) is left empty.
  const common = field.values?.[0]
  if (kind === 'string' && common !== undefined && common.count * 2 > field.count) return quote(common.value)
  return '""'
}

/**
 * A YAML front matter for a new article in a folder without archetypes (Jekyll, Astro): the keys that at least half
 * of the folder's articles have, most common first, with the title filled in, dates now in the folder's most used
 * layout, drafts on, a text most of them share (`layout: post`), and empty values otherwise. Always has a title.
 */
export function templateFromSchema(schema: FolderSchema, title: string, clock: ZonedWallTime): string {
  const threshold = Math.max(1, Math.ceil(schema.articleCount / 2))
  const fields = schema.fields.filter((f) => f.count >= threshold || f.explicit?.isRequired === true)
  if (!fields.some((f) => f.key.toLowerCase() === 'title')) fields.unshift({ key: 'title', count: 0, kinds: { string: 1 }, values: null, dateLayouts: [] })
  const lines = fields.map((f) => `${renderKey(f.key, false)}: ${valueFor(f, title, clock)}`)
  return `---\n${lines.join('\n')}\n---\n\n`
}
