import type { ArticleSummary } from '@shared/api'

/**
 * The list with each summary in `updates` replacing the one with the same path; paths not in the list are left
 * for the next full refresh (the list's order is the host's). Returns `list` itself when nothing matched.
 */
export function mergeSummaries(list: ArticleSummary[], updates: readonly ArticleSummary[]): ArticleSummary[] {
  const byPath = new Map(updates.map((u) => [u.path, u]))
  let changed = false
  const merged = list.map((article) => {
    const update = byPath.get(article.path)
    if (!update) return article
    changed = true
    return update
  })
  return changed ? merged : list
}
