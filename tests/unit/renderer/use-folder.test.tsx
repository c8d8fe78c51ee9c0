import './dom-shims'
import { renderHook, waitFor } from '@testing-library/react'
import type { ArticleSummary, IndexPage } from '@shared/api'
import { useFolder } from '@renderer/hooks/use-folder'
import type { EarlyStart } from '@renderer/early-folder'
import { ok } from '@shared/result'
import { FakeApi } from './fake-api'

function folderOf(count: number): FakeApi {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`posts/a${String(i).padStart(5, '0')}.md`] = `---\ntitle: "Article ${i}"\n---\nbody\n`
  return new FakeApi(files)
}

describe('useFolder', () => {
  it('fetches a large list in pages, a small first one, until every article is in', async () => {
    const api = folderOf(12_345)
    // NOTE: the second page waits until the test has seen the first one's state.
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const getPage = api.getArticleIndex.bind(api)
    api.getArticleIndex = async (page) => {
      if (page?.after !== null && page?.after !== undefined) await held
      return getPage(page)
    }
    const { result } = renderHook(() => useFolder(api, () => undefined))
    // While pages are still to come the list knows how many articles there are (the status line: "500 of 12,345").
    await waitFor(() => expect(result.current[0].listing).toEqual({ done: 500, total: 12_345 }), { timeout: 20_000 })
    release()
    await waitFor(() => expect(result.current[0].articles.length).toBe(12_345), { timeout: 20_000 })
    expect(result.current[0].listing).toBeNull()
    expect(api.indexPages).toEqual<(IndexPage | undefined)[]>([
      { after: null, limit: 500 },
      { after: 'posts/a00499.md', limit: 10_000 },
      { after: 'posts/a10499.md', limit: 10_000 },
    ])
    expect(new Set(result.current[0].articles.map((a) => a.path)).size).toBe(12_345)
    expect(result.current[0].isListed).toBe(true)
  })

  it('keeps what events said while the pages came: a row changed or removed meanwhile is not brought back by an older page', async () => {
    const api = folderOf(1_200)
    const original = api.getArticleIndex
    let pages = 0
    api.getArticleIndex = async (page?: IndexPage) => {
      const answer = await original(page)
      pages += 1
      // NOTE: an event that reaches the page after its answer was made (the answer is older than the event).
      if (pages === 1) api.emit({ kind: 'article-removed', path: 'posts/a01000.md' })
      if (pages === 2) {
        const renamed: ArticleSummary = { path: 'posts/a00001.md', title: 'Changed meanwhile', date: null, isDraft: false, format: 'yaml', tags: [], categories: [], buildStatus: 'published' }
        api.emit({ kind: 'articles-indexed', articles: [renamed] })
      }
      return answer
    }
    const { result } = renderHook(() => useFolder(api, () => undefined))
    await waitFor(() => expect(pages).toBe(2))
    await waitFor(() => expect(result.current[0].articles.find((a) => a.path === 'posts/a00001.md')?.title).toBe('Changed meanwhile'))
    expect(result.current[0].articles.some((a) => a.path === 'posts/a01000.md')).toBe(false)
    expect(result.current[0].articles.length).toBe(1_199)
  })

  it('shows the folder and the rows the page carried in its first render, before any request has answered', () => {
    const api = folderOf(3)
    const never = new Promise<never>(() => undefined)
    api.getFolder = () => never
    api.getArticleIndex = () => never
    const row: ArticleSummary = { path: 'posts/a00000.md', title: 'Early', date: null, isDraft: false, format: 'yaml', tags: [], categories: [], buildStatus: 'published' }
    const early: EarlyStart = { data: { folder: ok({ root: '/tmp/site', name: 'site' }), index: ok({ articles: [row], done: 1, total: 3, isComplete: false, nextAfter: null }) }, firstPage: null }
    const { result } = renderHook(() => useFolder(api, () => undefined, early))
    expect(result.current[0]).toMatchObject({ status: 'open', folder: { root: '/tmp/site' }, articles: [row], progress: { done: 1, total: 3 }, isListed: false })
  })

  it('still fetches its own pages after early rows, so what changed since the page was served shows', async () => {
    const api = folderOf(3)
    const gone: ArticleSummary = { path: 'posts/gone.md', title: 'Deleted since', date: null, isDraft: false, format: 'yaml', tags: [], categories: [], buildStatus: 'published' }
    const early: EarlyStart = { data: { folder: ok({ root: '/tmp/site', name: 'site' }), index: ok({ articles: [gone], done: 1, total: 1, isComplete: true, nextAfter: null }) }, firstPage: null }
    const { result } = renderHook(() => useFolder(api, () => undefined, early))
    expect(result.current[0].articles).toEqual([gone])
    await waitFor(() => expect(result.current[0].isListed).toBe(true))
    expect(result.current[0].articles.map((a) => a.path)).toEqual(['posts/a00000.md', 'posts/a00001.md', 'posts/a00002.md'])
    expect(api.indexPages).toEqual([{ after: null, limit: 500 }])
  })

  it('shows the first page asked beside getFolder as soon as it comes, before the list\'s own first page', async () => {
    const api = folderOf(3)
    const own = api.getArticleIndex
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    // NOTE: the list's own page is held; only the early page (asked first, beside getFolder) answers.
    api.getArticleIndex = async (page?: IndexPage) => {
      if (api.indexPages.length > 0) await held
      return own(page)
    }
    const early: EarlyStart = { data: null, firstPage: own({ after: null, limit: 2 }) }
    const { result } = renderHook(() => useFolder(api, () => undefined, early))
    await waitFor(() => expect(result.current[0].articles.map((a) => a.path)).toEqual(['posts/a00000.md', 'posts/a00001.md']))
    expect(result.current[0].isListed).toBe(false)
    release()
    await waitFor(() => expect(result.current[0].articles.length).toBe(3))
  })
})
