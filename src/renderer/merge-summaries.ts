import type { ArticleSummary } from '@shared/api'

/**
 * The list with each summary in `updates` replacing the one with the same path, in place in the order, and the
 * summaries of new paths appended (the list sorts for display); a path given twice counts once, the later summary
 * winning. Returns `list` itself when `updates` is empty.
 * NOTE: runs for every frame of index batches over a list of up to 50,000 rows: it makes one new array and
 * nothing else of the list's size.
 */
export function upsertSummaries(list: ArticleSummary[], updates: readonly ArticleSummary[]): ArticleSummary[] {
  if (updates.length === 0) return list
  const byPath = new Map(updates.map((u) => [u.path, u]))
  const replaced = new Set<string>()
  const merged = list.map((article) => {
    const update = byPath.get(article.path)
    if (update === undefined) return article
    replaced.add(article.path)
    return update
  })
  for (const [path, update] of byPath) if (!replaced.has(path)) merged.push(update)
  return merged
}
