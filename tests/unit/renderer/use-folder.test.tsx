import './dom-shims'
import { renderHook, waitFor } from '@testing-library/react'
import type { ArticleSummary, IndexPage } from '@shared/api'
import { useFolder } from '@renderer/hooks/use-folder'
import { FakeApi } from './fake-api'

function folderOf(count: number): FakeApi {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`posts/a${String(i).padStart(5, '0')}.md`] = `---\ntitle: "Article ${i}"\n---\nbody\n`
  return new FakeApi(files)
}

describe('useFolder', () => {
  it('fetches a large list in pages, a small first one, until every article is in', async () => {
    const api = folderOf(12_345)
    const { result } = renderHook(() => useFolder(api, () => undefined))
    await waitFor(() => expect(result.current[0].articles.length).toBe(12_345), { timeout: 20_000 })
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
})
