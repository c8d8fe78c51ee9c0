import type { ArticleSummary } from '@shared/api'

/** The words of typed filter text, lower-cased. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean)
}

/** True when the article's title or path contains every one of `words` (lower-cased, see filterWords). */
export function matchesWords(article: ArticleSummary, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = `${article.title ?? ''}\n${article.path}`.toLowerCase()
  return words.every((word) => haystack.includes(word))
}

/** The articles whose title or path contains every word of `query` (case-insensitive); all when it is blank. */
export function filterArticles(articles: readonly ArticleSummary[], query: string): readonly ArticleSummary[] {
  const words = filterWords(query)
  return words.length === 0 ? articles : articles.filter((article) => matchesWords(article, words))
}
