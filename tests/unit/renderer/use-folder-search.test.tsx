import './dom-shims'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { SearchResults } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { useFolderSearch } from '@renderer/hooks/use-folder-search'

describe('useFolderSearch', () => {
  it('asks again while the full-text index is still being built, until the answer is complete', async () => {
    const calls: string[] = []
    const answers: SearchResults[] = [
      { query: 'quixotic', hits: [], total: 0, isComplete: false },
      { query: 'quixotic', hits: [{ path: 'zz.md', title: 'Zebra', snippets: [] }], total: 1, isComplete: true },
    ]
    const search = (query: string): Promise<Result<SearchResults>> => {
      calls.push(query)
      return Promise.resolve(ok(answers[Math.min(calls.length - 1, answers.length - 1)]))
    }
    // NOTE: fake timers: the typing pause and the retry interval are stepped through, and "no third call" is checked
    // well after another retry would have gone out, with no real wait.
    vi.useFakeTimers()
    try {
      const { result } = renderHook(() => useFolderSearch(search, 'quixotic'))
      await act(() => vi.advanceTimersByTimeAsync(200))
      expect(result.current.results?.isComplete).toBe(false)
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(result.current.results?.hits.map((h) => h.path)).toEqual(['zz.md'])
      await act(() => vi.advanceTimersByTimeAsync(2000))
      expect(calls).toEqual(['quixotic', 'quixotic'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('gives hits a page at a time: showMore asks for the next page of the same query; a new query starts again', async () => {
    const calls: [string, number | undefined][] = []
    const search = (query: string, limit?: number): Promise<Result<SearchResults>> => {
      calls.push([query, limit])
      const total = query === 'common' ? 250 : 3
      const hits = Array.from({ length: Math.min(total, limit ?? 100) }, (_, i) => ({ path: `${query}-${i}.md`, title: null, snippets: [] }))
      return Promise.resolve(ok({ query, hits, total, isComplete: true }))
    }
    const { result, rerender } = renderHook(({ query }) => useFolderSearch(search, query), { initialProps: { query: 'common' } })
    await waitFor(() => expect(result.current.results?.hits.length).toBe(100))
    expect(result.current.canShowMore).toBe(true)
    act(() => result.current.showMore())
    await waitFor(() => expect(result.current.results?.hits.length).toBe(200))
    expect(result.current.isSearching).toBe(false)
    act(() => result.current.showMore())
    await waitFor(() => expect(result.current.results?.hits.length).toBe(250))
    expect(result.current.canShowMore).toBe(false)
    act(() => result.current.showMore())
    rerender({ query: 'rare' })
    await waitFor(() => expect(result.current.results?.hits.length).toBe(3))
    expect(result.current.canShowMore).toBe(false)
    expect(calls).toEqual([['common', 100], ['common', 200], ['common', 300], ['rare', 100]])
  })
})
