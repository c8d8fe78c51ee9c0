import { useEffect, useState } from 'react'
import type { FolioApi, SearchResults } from '@shared/api'
import type { FolioError } from '@shared/result'

/** The state of a folder search: the results of the latest finished query, or its error. */
export interface FolderSearch {
  results: SearchResults | null
  error: FolioError | null
  isSearching: boolean
}

interface Answer {
  query: string
  results: SearchResults | null
  error: FolioError | null
}

/** How often a search is asked again while the full-text index is still being built (ms). */
const retryWhileIndexingMs = 500

/**
 * Runs `search` for `query` after a short pause in typing (150 ms), and again every half second while the answer
 * says the full-text index is not complete yet; a blank query means no results. A slower
 * answer to an older query never replaces a newer one; until the new answer arrives the previous results stay.
 */
export function useFolderSearch(search: FolioApi['searchArticles'] | null, query: string): FolderSearch {
  const [answer, setAnswer] = useState<Answer | null>(null)
  const isBlank = search === null || query.trim() === ''
  useEffect(() => {
    if (search === null || query.trim() === '') return
    let isCurrent = true
    let timer: ReturnType<typeof setTimeout>
    const run = (): void => {
      void search(query, 100).then((result) => {
        if (!isCurrent) return
        setAnswer(result.ok ? { query, results: result.value, error: null } : { query, results: null, error: result.error })
        // NOTE: while the full-text index is still being built the answer covers part of the folder; ask again.
        if (result.ok && !result.value.isComplete) timer = setTimeout(run, retryWhileIndexingMs)
      })
    }
    timer = setTimeout(run, 150)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [search, query])
  if (isBlank || answer === null) return { results: null, error: null, isSearching: !isBlank }
  return { results: answer.results, error: answer.error, isSearching: answer.query !== query }
}
