import './dom-shims'
import { renderHook, waitFor } from '@testing-library/react'
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
    const { result } = renderHook(() => useFolderSearch(search, 'quixotic'))
    await waitFor(() => expect(result.current.results?.isComplete).toBe(false))
    await waitFor(() => expect(result.current.results?.hits.map((h) => h.path)).toEqual(['zz.md']), { timeout: 3000 })
    await new Promise((r) => setTimeout(r, 700))
    expect(calls).toEqual(['quixotic', 'quixotic'])
  })
})
