import type { ArticleSummary } from '@shared/api'
import { facetCounts, filterArticles, noFilters, queryArticles, quickOpenMatches } from '@renderer/article-query'

const a = (path: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({ path, title: null, date: null, isDraft: false, format: 'yaml', ...extra })
const list: ArticleSummary[] = [
  a('posts/b.md', { title: 'Beta', date: '2024-05-01', tags: ['x', 'y'], categories: ['news'], buildStatus: 'published', lastmod: '2025-01-01' }),
  a('posts/a.md', { title: 'alpha', date: '2023-01-01', tags: ['x'], categories: ['blog'], buildStatus: 'draft', isDraft: true }),
  a('posts/c.md', { title: null, date: null, tags: [], buildStatus: 'future', error: { message: 'bad', line: 2, column: 1 } }),
  a('notes/d.md', { title: 'Delta beta', date: '2025-02-02', tags: ['y'], categories: ['news'], buildStatus: 'expired' }),
]
const paths = (xs: ArticleSummary[]) => xs.map((x) => x.path)

describe('queryArticles', () => {
  it('sorts by path, title (case-insensitive, untitled by path), date both ways (undated last) and lastmod', () => {
    expect(paths(queryArticles(list, noFilters, 'path'))).toEqual(['notes/d.md', 'posts/a.md', 'posts/b.md', 'posts/c.md'])
    expect(paths(queryArticles(list, noFilters, 'title'))).toEqual(['posts/a.md', 'posts/b.md', 'notes/d.md', 'posts/c.md'])
    expect(paths(queryArticles(list, noFilters, 'date-desc'))).toEqual(['notes/d.md', 'posts/b.md', 'posts/a.md', 'posts/c.md'])
    expect(paths(queryArticles(list, noFilters, 'date-asc'))).toEqual(['posts/a.md', 'posts/b.md', 'notes/d.md', 'posts/c.md'])
    expect(paths(queryArticles(list, noFilters, 'lastmod-desc'))).toEqual(['notes/d.md', 'posts/b.md', 'posts/a.md', 'posts/c.md'])
  })

  it('filters by text, tag, category, status and errors, together', () => {
    expect(paths(queryArticles(list, { ...noFilters, text: 'BETA' }, 'path'))).toEqual(['notes/d.md', 'posts/b.md'])
    expect(paths(queryArticles(list, { ...noFilters, tag: 'x' }, 'path'))).toEqual(['posts/a.md', 'posts/b.md'])
    expect(paths(queryArticles(list, { ...noFilters, tag: 'y', category: 'news', text: 'delta' }, 'path'))).toEqual(['notes/d.md'])
    expect(paths(queryArticles(list, { ...noFilters, status: 'draft' }, 'path'))).toEqual(['posts/a.md'])
    expect(paths(queryArticles(list, { ...noFilters, hasErrorsOnly: true }, 'path'))).toEqual(['posts/c.md'])
    expect(queryArticles(list, noFilters, 'path')).not.toBe(list)
  })
})

describe('facetCounts', () => {
  it('counts tags, categories and statuses, largest first, and errors', () => {
    const facets = facetCounts(list)
    expect(facets.tags).toEqual([['x', 2], ['y', 2]])
    expect(facets.categories).toEqual([['news', 2], ['blog', 1]])
    expect(facets.statuses.map(([s]) => s).sort()).toEqual(['draft', 'expired', 'future', 'published'])
    expect(facets.errors).toBe(1)
  })

  it('counts an article once per tag it lists twice, and takes the unfiltered list as it is', () => {
    expect(facetCounts([a('x.md', { tags: ['t', 't', 'u'], categories: ['c', 'c'] })])).toMatchObject({ tags: [['t', 1], ['u', 1]], categories: [['c', 1]] })
    expect(filterArticles(list, noFilters)).toBe(list)
    expect(filterArticles(list, { ...noFilters, text: '  ' })).toBe(list)
    expect(filterArticles(list, { ...noFilters, tag: 'x' }).map((x) => x.path)).toEqual(['posts/b.md', 'posts/a.md'])
  })
})

describe('quickOpenMatches', () => {
  it('matches fuzzily over title and path: "imgproc" finds image-processing', () => {
    const more = [...list, a('posts/image-processing.md', { title: 'Pictures on the GPU' }), a('posts/improv.md', { title: 'Improvised' })]
    expect(paths(quickOpenMatches(more, 'imgproc'))).toEqual(['posts/image-processing.md'])
    expect(paths(quickOpenMatches(more, 'pictures gpu'))).toEqual(['posts/image-processing.md'])
    expect(paths(quickOpenMatches(more, 'improv'))[0]).toBe('posts/improv.md')
  })

  it('ranks title prefixes first, then title words, then path matches', () => {
    expect(paths(quickOpenMatches(list, 'beta'))).toEqual(['posts/b.md', 'notes/d.md'])
    expect(paths(quickOpenMatches(list, 'notes'))).toEqual(['notes/d.md'])
    expect(quickOpenMatches(list, 'zzz')).toEqual([])
    expect(quickOpenMatches(list, '', 2).length).toBe(2)
  })
})

describe('date sorts compare the instants Hugo reads', () => {
  it('orders by instant, not text: an offset date before a later UTC one; unreadable dates after readable ones', () => {
    const a = (path: string, date: string | null): ArticleSummary => ({ path, title: path, date, isDraft: false, format: 'yaml' })
    const list = [a('z.md', '2024-01-01T23:00:00Z'), a('o.md', '2024-01-02T01:00:00+05:00'), a('bad.md', 'Feb 11, 2025'), a('none.md', null)]
    expect(queryArticles(list, noFilters, 'date-asc').map((x) => x.path)).toEqual(['o.md', 'z.md', 'bad.md', 'none.md'])
    expect(queryArticles(list, noFilters, 'date-desc').map((x) => x.path)).toEqual(['z.md', 'o.md', 'bad.md', 'none.md'])
  })
})
