import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary, FolderEvent, FolderInfo, FolioApi } from '@shared/api'
import type { FolioError } from '@shared/result'
import { mergeSummaries } from '../merge-summaries'

/** The opened folder and its articles, as the UI shows them. */
export interface FolderState {
  status: 'loading' | 'none' | 'open'
  folder: FolderInfo | null
  articles: ArticleSummary[]
  /** The last failure to get, open or list the folder. */
  error: FolioError | null
}

/** What `useFolder` offers besides the state. */
export interface FolderActions {
  openFolder: () => Promise<void>
  refreshArticles: () => Promise<void>
}

/** Events after which the list is fetched again (others, such as indexing progress, leave it alone). */
const listChangingEvents = new Set<FolderEvent['kind']>(['article-added', 'article-removed', 'article-changed', 'article-renamed'])

const initial: FolderState = { status: 'loading', folder: null, articles: [], error: null }

/**
 * Loads the folder and its article list, follows folder events (passing each to `onEvent` first) and refreshes
 * the list when articles are added, removed or changed.
 */
export function useFolder(api: FolioApi, onEvent: (event: FolderEvent) => void): [FolderState, FolderActions] {
  const [state, setState] = useState<FolderState>(initial)
  const onEventRef = useRef(onEvent)
  useEffect(() => {
    onEventRef.current = onEvent
  }, [onEvent])

  const refreshArticles = useCallback(async () => {
    const result = await api.listArticles()
    setState((s) => (result.ok ? { ...s, articles: result.value, error: null } : { ...s, error: result.error }))
  }, [api])

  const showFolder = useCallback(
    async (folder: FolderInfo | null) => {
      setState((s) => ({ ...s, status: folder ? 'open' : 'none', folder, articles: folder ? s.articles : [] }))
      if (folder) await refreshArticles()
    },
    [refreshArticles],
  )

  const openFolder = useCallback(async () => {
    const result = await api.openFolder()
    if (!result.ok) return setState((s) => ({ ...s, error: result.error }))
    if (result.value) await showFolder(result.value)
  }, [api, showFolder])

  useEffect(() => {
    let isCurrent = true
    void api.getFolder().then((result) => {
      if (!isCurrent) return
      if (result.ok) void showFolder(result.value)
      else setState((s) => ({ ...s, status: 'none', error: result.error }))
    })
    return () => {
      isCurrent = false
    }
  }, [api, showFolder])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = api.onFolderEvent((event) => {
      onEventRef.current(event)
      if (event.kind === 'folder-opened') return void showFolder(event.folder)
      if (event.kind === 'articles-indexed') return setState((s) => ({ ...s, articles: mergeSummaries(s.articles, event.articles) }))
      if (!listChangingEvents.has(event.kind)) return
      // NOTE: watchers report bursts (a git checkout touches many files); one list refresh per burst.
      clearTimeout(timer)
      timer = setTimeout(() => void refreshArticles(), 150)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [api, refreshArticles, showFolder])

  return [state, { openFolder, refreshArticles }]
}
