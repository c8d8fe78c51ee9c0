import type { ArticleSummary } from '@shared/api'

/** The articles whose title or path contains every word of `query` (case-insensitive); all when it is blank. */
export function filterArticles(articles: readonly ArticleSummary[], query: string): readonly ArticleSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return articles
  return articles.filter((article) => {
    const haystack = `${article.title ?? ''}\n${article.path}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
