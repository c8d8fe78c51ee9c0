import { applyChanges, setValue, unsetValue } from '../front-matter/edit'
import { parseForEdit } from '../front-matter/parse'
import type { FrontMatterValue } from '../front-matter/types'
import { hugoPathKey } from '../hugo/urlize'
import { fail, ok, type Result } from '../result'

/** One term of a taxonomy as Hugo groups it (by `urlize`): its spellings, the articles using it. */
export interface TermGroup {
  /** Hugo's key for the term (`hugo` for `Hugo`, `hugo`, ` Hugo `). */
  key: string
  /** The most used spelling (first seen on a tie). */
  term: string
  spellings: { term: string; count: number }[]
  /** Articles using the term (any spelling), sorted. */
  articles: string[]
}

/** The terms of a front-matter value: list items that are text, or a single text (Hugo accepts both). */
export function termsOf(value: FrontMatterValue | undefined): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : []))
  return []
}

/** Groups the terms of `taxonomy` over articles' front-matter data, most used first (then by key). Empty keys are skipped. */
export function groupTerms(articles: Iterable<{ path: string; data: Record<string, FrontMatterValue> }>, taxonomy: string): TermGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; articles: Set<string> }>()
  for (const { path, data } of articles) {
    for (const term of termsOf(data[taxonomy])) {
      const key = hugoPathKey(term)
      if (key === '') continue
      const group = groups.get(key) ?? { spellings: new Map(), articles: new Set() }
      group.spellings.set(term, (group.spellings.get(term) ?? 0) + 1)
      group.articles.add(path)
      groups.set(key, group)
    }
  }
  const out: TermGroup[] = []
  for (const [key, g] of groups) {
    const spellings = [...g.spellings].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count)
    out.push({ key, term: spellings[0]?.term ?? key, spellings, articles: [...g.articles].sort() })
  }
  return out.sort((a, b) => b.articles.length - a.articles.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * Renames term `from` (any spelling Hugo groups with it) to `to` in one article's front matter, in place: each
 * matching list item's text is replaced (a flow list stays flow, quotes stay), and an item that would repeat a term
 * already in the list is removed (a merge). Returns the new text (unchanged when the article lacks the term); PARSE
 * when the front matter has errors.
 */
export function retagText(text: string, taxonomy: string, from: string, to: string): Result<string> {
  const fromKey = hugoPathKey(from)
  if (fromKey === '') return fail('INVALID_ARGUMENT', `"${from}" is not a term Hugo can use (nothing is left of it as a URL).`)
  if (to.trim() === '') return fail('INVALID_ARGUMENT', 'The new term is empty.')
  const parsed = parseForEdit(text)
  if (parsed.errors.length > 0) return fail('PARSE', parsed.errors[0].message, { line: parsed.errors[0].line, column: parsed.errors[0].column })
  const value = parsed.data[taxonomy]
  let current = text
  const apply = (changes: Result<import('../front-matter/types').TextChange[]>): Result<void> => {
    if (!changes.ok) return changes
    current = applyChanges(current, changes.value)
    return ok(undefined)
  }
  if (typeof value === 'string') {
    if (hugoPathKey(value) !== fromKey || value === to) return ok(text)
    const done = apply(setValue(current, [taxonomy], to))
    return done.ok ? ok(current) : done
  }
  if (!Array.isArray(value)) return ok(text)
  const toKey = hugoPathKey(to)
  const hasTo = value.some((v) => typeof v === 'string' && hugoPathKey(v) === toKey && toKey !== fromKey)
  // NOTE: from the end, so removing an item does not shift the indexes still to visit.
  for (let i = value.length - 1; i >= 0; i -= 1) {
    const item = value[i]
    if (typeof item !== 'string' || hugoPathKey(item) !== fromKey) continue
    const isDuplicate = hasTo || value.slice(0, i).some((v) => typeof v === 'string' && hugoPathKey(v) === fromKey)
    const done = isDuplicate ? apply(unsetValue(current, [taxonomy, i])) : item === to ? ok(undefined) : apply(setValue(current, [taxonomy, i], to))
    if (!done.ok) return done
  }
  return ok(current)
}
