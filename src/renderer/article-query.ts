import fuzzysort, { type KeysResult } from 'fuzzysort'
import { readDateString } from '@shared/hugo/dates'
import type { ArticleSummary, BuildStatus } from '@shared/api'
import { filterWords, matchesWords } from './article-filter'

/** The orders the list offers. Dates sort by the instant Hugo reads; articles without one go last. */
export type ArticleSort = 'path' | 'title' | 'date-desc' | 'date-asc' | 'lastmod-desc'

/** The list's filters: typed text (title or path), a tag, a category, a build status, or only articles with errors. */
export interface ArticleFilters {
  text: string
  tag: string | null
  category: string | null
  status: BuildStatus | null
  hasErrorsOnly: boolean
}

/** No filter at all. */
export const noFilters: ArticleFilters = { text: '', tag: null, category: null, status: null, hasErrorsOnly: false }

/** Counts per value of each facet over a set of articles, largest first. */
export interface Facets {
  tags: [string, number][]
  categories: [string, number][]
  statuses: [BuildStatus, number][]
  errors: number
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

const instants = new Map<string, number | null>()

/** The instant Hugo reads from a date as written (the rulebook's reading, offsets honoured), memoised; null if none. */
function instantOf(text: string): number | null {
  let ms = instants.get(text)
  if (ms === undefined) {
    const date = readDateString(text, null)
    ms = date.kind === 'date' ? date.epochMs : null
    if (instants.size > 50_000) instants.clear()
    instants.set(text, ms)
  }
  return ms
}

// NOTE: dates compare as the instants Hugo reads (`2024-01-02T01:00:00+05:00` is before `2024-01-01T23:00:00Z`), then
// as text; dates Hugo cannot read go after those it can, and missing ones last.
function compareText(a: string | null | undefined, b: string | null | undefined, isDescending: boolean): number {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1
  if (b == null || b === '') return -1
  const ta = instantOf(a)
  const tb = instantOf(b)
  if (ta === null || tb === null) {
    if (ta !== tb) return ta === null ? 1 : -1
    const order = a < b ? -1 : a > b ? 1 : 0
    return isDescending ? -order : order
  }
  const order = ta < tb ? -1 : ta > tb ? 1 : a < b ? -1 : a > b ? 1 : 0
  return isDescending ? -order : order
}

function comparer(sort: ArticleSort): (a: ArticleSummary, b: ArticleSummary) => number {
  const byPath = (a: ArticleSummary, b: ArticleSummary): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  switch (sort) {
    case 'path':
      return byPath
    case 'title':
      return (a, b) => collator.compare(a.title ?? a.path, b.title ?? b.path) || byPath(a, b)
    case 'date-desc':
      return (a, b) => compareText(a.date, b.date, true) || byPath(a, b)
    case 'date-asc':
      return (a, b) => compareText(a.date, b.date, false) || byPath(a, b)
    case 'lastmod-desc':
      return (a, b) => compareText(a.lastmod ?? a.date, b.lastmod ?? b.date, true) || byPath(a, b)
  }
}

/** True when the article passes every filter. */
export function matchesFilters(article: ArticleSummary, filters: ArticleFilters, words: readonly string[]): boolean {
  if (filters.tag !== null && !(article.tags ?? []).includes(filters.tag)) return false
  if (filters.category !== null && !(article.categories ?? []).includes(filters.category)) return false
  if (filters.status !== null && (article.buildStatus ?? (article.isDraft ? 'draft' : 'published')) !== filters.status) return false
  if (filters.hasErrorsOnly && article.error === undefined) return false
  return matchesWords(article, words)
}

/** The articles passing `filters`, in their order: `articles` itself (no copy) when no filter is set. */
export function filterArticles(articles: readonly ArticleSummary[], filters: ArticleFilters): readonly ArticleSummary[] {
  const words = filterWords(filters.text)
  const isUnfiltered = words.length === 0 && filters.tag === null && filters.category === null && filters.status === null && !filters.hasErrorsOnly
  return isUnfiltered ? articles : articles.filter((a) => matchesFilters(a, filters, words))
}

/** The articles passing `filters`, in `sort` order. Never mutates `articles`. */
export function queryArticles(articles: readonly ArticleSummary[], filters: ArticleFilters, sort: ArticleSort): ArticleSummary[] {
  const filtered = filterArticles(articles, filters)
  const kept = filtered === articles ? articles.slice() : (filtered as ArticleSummary[])
  if (sort !== 'title') return kept.sort(comparer(sort))
  // NOTE: a collator compare per pair is slow over 50,000 titles; lower-cased keys compared as strings are not.
  const keyed = kept.map((article) => ({ article, key: (article.title ?? article.path).toLowerCase() }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.article.path < b.article.path ? -1 : 1))
  return keyed.map((k) => k.article)
}

function ranked<K extends string>(counts: Map<K, number>): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/** Adds one to the count of each distinct item (an article counts once per tag, however often it lists it). */
function countOnce(counts: Map<string, number>, items: readonly string[] | undefined): void {
  if (items === undefined) return
  // NOTE: no Set per article: a list holds a few items, and this runs over every article on each index batch.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (items.indexOf(item) === i) counts.set(item, (counts.get(item) ?? 0) + 1)
  }
}

/** Facet counts over `articles` (pass the filtered list so counts follow the other filters). */
export function facetCounts(articles: readonly ArticleSummary[]): Facets {
  const tags = new Map<string, number>()
  const categories = new Map<string, number>()
  const statuses = new Map<BuildStatus, number>()
  let errors = 0
  for (const a of articles) {
    countOnce(tags, a.tags)
    countOnce(categories, a.categories)
    const status = a.buildStatus ?? (a.isDraft ? 'draft' : 'published')
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    if (a.error !== undefined) errors += 1
  }
  return { tags: ranked(tags), categories: ranked(categories), statuses: ranked(statuses), errors }
}

/**
 * Articles whose title or path best match `text` for quick open, best first: fuzzy (the typed letters in order, so
 * "imgproc" finds image-processing.md), scored by fuzzysort over the title and the path, the better of the two.
 */
export function quickOpenMatches(articles: readonly ArticleSummary[], text: string, limit = 50): ArticleSummary[] {
  const query = text.trim()
  if (query === '') return articles.slice(0, limit)
  // NOTE: threshold 0 keeps every in-order match (the default 0.5 drops "imgproc" for image-processing).
  const results = fuzzysort.go(query, articles, { keys: [titleOf, pathOf], limit, threshold: 0, scoreFn: bestKeyScore })
  return results.map((r) => r.obj)
}

const titleOf = (a: ArticleSummary): string => a.title ?? ''
const pathOf = (a: ArticleSummary): string => a.path

function bestKeyScore(result: KeysResult<ArticleSummary>): number {
  let best = 0
  for (const key of result) best = Math.max(best, key.score)
  return best
}
