import { useCallback, useEffect, useState } from 'react'
import type { FolioApi, SearchResults } from '@shared/api'
import type { FolioError } from '@shared/result'

/** The state of a folder search: the results of the latest finished query, or its error, and how to get more hits. */
export interface FolderSearch {
  results: SearchResults | null
  error: FolioError | null
  isSearching: boolean
  /** True while more hits of the same query are on their way (the ones shown stay). */
  isLoadingMore: boolean
  /** True when the folder has hits beyond those shown. */
  canShowMore: boolean
  /** Asks for the next page of hits of the current query (a no-op when there are none or they are on their way). */
  showMore: () => void
}

interface Answer {
  query: string
  limit: number
  results: SearchResults | null
  error: FolioError | null
}

/** How often a search is asked again while the full-text index is still being built (ms). */
const retryWhileIndexingMs = 500
/** Hits asked for at first, and added by each `showMore`. */
export const searchPageSize = 100
/** The most hits one answer may hold (the host's own limit). */
const maxHits = 5000

/**
 * Runs `search` for `query` after a short pause in typing (150 ms), and again every half second while the answer
 * says the full-text index is not complete yet; a blank query means no results. A slower answer to an older query
 * never replaces a newer one; until the new answer arrives the previous results stay. Hits come a page at a time:
 * `showMore` asks again with a higher limit, and a new query starts again at one page.
 */
export function useFolderSearch(search: FolioApi['searchArticles'] | null, query: string): FolderSearch {
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [pages, setPages] = useState({ query, limit: searchPageSize })
  const limit = pages.query === query ? pages.limit : searchPageSize
  const isBlank = search === null || query.trim() === ''
  useEffect(() => {
    if (search === null || query.trim() === '') return
    let isCurrent = true
    let timer: ReturnType<typeof setTimeout>
    const run = (): void => {
      void search(query, limit).then((result) => {
        if (!isCurrent) return
        setAnswer(result.ok ? { query, limit, results: result.value, error: null } : { query, limit, results: null, error: result.error })
        // NOTE: while the full-text index is still being built the answer covers part of the folder; ask again.
        if (result.ok && !result.value.isComplete) timer = setTimeout(run, retryWhileIndexingMs)
      })
    }
    // NOTE: a new page of the same query goes out at once; only typing waits for a pause.
    timer = setTimeout(run, limit === searchPageSize ? 150 : 0)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [search, query, limit])
  const results = isBlank || answer === null ? null : answer.results
  const isLoadingMore = !isBlank && answer !== null && answer.query === query && answer.limit < limit
  const canShowMore = results !== null && answer?.query === query && results.total > results.hits.length && limit < maxHits
  const showMore = useCallback(() => {
    if (!canShowMore || isLoadingMore) return
    setPages({ query, limit: Math.min(maxHits, limit + searchPageSize) })
  }, [canShowMore, isLoadingMore, query, limit])
  if (isBlank || answer === null) return { results: null, error: null, isSearching: !isBlank, isLoadingMore: false, canShowMore: false, showMore }
  return { results: answer.results, error: answer.error, isSearching: answer.query !== query, isLoadingMore, canShowMore, showMore }
}
