import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary, FolderEvent, FolderInfo, FolioApi, IndexSnapshot } from '@shared/api'
import type { FolioError } from '@shared/result'
import type { EarlyStart } from '../early-folder'
import { upsertSummaries } from '../merge-summaries'

/** The opened folder and its articles, as the UI shows them. */
export interface FolderState {
  status: 'loading' | 'none' | 'open'
  folder: FolderInfo | null
  articles: ArticleSummary[]
  /** The last failure to get, open or list the folder. */
  error: FolioError | null
  /** Indexing progress while the folder index is being built; null once every article is in. */
  progress: { done: number; total: number } | null
  /**
   * While the list is still fetched in pages: the rows in hand and how many articles the index holds; null once the
   * last page is in. NOTE: a 50,000-article list pages in over seconds; meanwhile the status line said "500 of 500".
   */
  listing: { done: number; total: number } | null
  /** True once the article list has been fetched (even if it failed or is empty). */
  isListed: boolean
}

/** What `useFolder` offers besides the state. */
export interface FolderActions {
  openFolder: () => Promise<void>
  refreshArticles: () => Promise<void>
}

const initial: FolderState = { status: 'loading', folder: null, articles: [], error: null, progress: null, listing: null, isListed: false }

/**
 * The first state: the folder and its first rows at once when the page carried them (see EarlyStart), so the first
 * render already shows the list; else loading. `isListed` stays false: the list's own pages are still to come.
 */
function initialState(early: EarlyStart | undefined): FolderState {
  const data = early?.data
  if (!data?.folder.ok) return initial
  const folder = data.folder.value
  if (folder === null) return { ...initial, status: 'none' }
  return data.index?.ok ? { ...initial, status: 'open', folder, ...shownPage(data.index.value) } : { ...initial, status: 'open', folder }
}

/**
 * The rows and progress of an early index page, for showing before the list's own first page arrives. NOTE: no
 * progress once every listed article is indexed, as for an index-progress event (applyEvent), so the status line
 * does not say "Indexing 20 of 20" and then lose a line; the served first screen follows the same rule.
 */
function shownPage(page: IndexSnapshot): Pick<FolderState, 'articles' | 'progress' | 'listing'> {
  return { articles: page.articles, progress: page.isComplete || page.done >= page.total ? null : { done: page.done, total: page.total }, listing: listingOf(page, page.articles.length) }
}

/** The listing state after a page (see FolderState.listing): null when it was the last one. */
function listingOf(page: Pick<IndexSnapshot, 'nextAfter' | 'total'>, inHand: number): FolderState['listing'] {
  return page.nextAfter === null ? null : { done: inHand, total: Math.max(page.total, inHand) }
}

/** The folder state after one event from the host (index batches, progress, removals and renames). */
function applyEvent(s: FolderState, event: FolderEvent): FolderState {
  switch (event.kind) {
    case 'articles-indexed':
      return { ...s, articles: upsertSummaries(s.articles, event.articles) }
    case 'article-removed':
      return { ...s, articles: s.articles.filter((a) => a.path !== event.path) }
    case 'article-renamed':
      return { ...s, articles: s.articles.filter((a) => a.path !== event.from) }
    case 'index-progress':
      return { ...s, progress: event.done >= event.total ? null : { done: event.done, total: event.total } }
    default:
      return s
  }
}

/** Applies events in order, folding runs of index batches into one upsert (one pass over the list, not one each). */
function applyEvents(s: FolderState, events: readonly FolderEvent[]): FolderState {
  let state = s
  let pending: ArticleSummary[] = []
  for (const event of events) {
    if (event.kind === 'articles-indexed') {
      pending = pending.concat(event.articles)
      continue
    }
    if (pending.length > 0) state = applyEvent(state, { kind: 'articles-indexed', articles: pending })
    pending = []
    state = applyEvent(state, event)
  }
  return pending.length > 0 ? applyEvent(state, { kind: 'articles-indexed', articles: pending }) : state
}

/** How many rows the first page of the list holds (shown as soon as it comes), and each later page. */
const firstPageSize = 500
const pageSize = 10_000

/** How long folder events are gathered before the list is updated once for all of them (ms). */
const eventBatchMs = 16

/**
 * How long index batches are gathered once the list is long: rebuilding and re-sorting 50,000 rows sixty times a
 * second while a folder is indexed burns the CPU the index needs and leaves much garbage; four times a second
 * still shows the list filling in. Single changes (a save, an outside edit) keep the short delay.
 */
const bulkBatchMs = 250
const longListRows = 5000
const bulkBatchRows = 50

/**
 * Loads the folder and its article list from the folder index (whatever is indexed so far, at once), then follows
 * folder events (passing each to `onEvent` first): index batches fill the list in, changes update single rows.
 * `early` (see startEarly) shows the folder and its first rows before the list's own pages arrive.
 */
export function useFolder(api: FolioApi, onEvent: (event: FolderEvent) => void, early?: EarlyStart): [FolderState, FolderActions] {
  const [state, setState] = useState<FolderState>(() => initialState(early))
  const rowCount = useRef(0)
  useEffect(() => {
    rowCount.current = state.articles.length
  }, [state.articles])
  const onEventRef = useRef(onEvent)
  useEffect(() => {
    onEventRef.current = onEvent
  }, [onEvent])

  // NOTE: the list is fetched in pages (a small first one, shown at once); the events that arrive meanwhile are newer
  // than the pages before them, so they are applied again on top of what was fetched.
  const inFlight = useRef<FolderEvent[] | null>(null)
  const refreshes = useRef(0)
  const refreshArticles = useCallback(async () => {
    const refresh = ++refreshes.current
    inFlight.current = []
    let fetched: ArticleSummary[] = []
    let after: string | null = null
    for (;;) {
      const result = await api.getArticleIndex({ after, limit: after === null ? firstPageSize : pageSize })
      // NOTE: a newer refresh (another folder opened) supersedes this one.
      if (refresh !== refreshes.current) return
      // NOTE: progress is left out: each page carries progress at least as new as the events before it.
      const late = (inFlight.current ?? []).filter((event) => event.kind !== 'index-progress')
      if (result.ok) fetched = fetched.concat(result.value.articles)
      const isLast = !result.ok || result.value.nextAfter === null
      if (isLast) inFlight.current = null
      setState((s) => {
        if (!result.ok) return { ...s, error: result.error, listing: null, isListed: true }
        const { done, total, isComplete } = result.value
        return applyEvents({ ...s, articles: fetched, error: null, progress: isComplete ? null : { done, total }, listing: listingOf(result.value, fetched.length), isListed: true }, late)
      })
      if (!result.ok || result.value.nextAfter === null) return
      after = result.value.nextAfter
    }
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

  const earlyPage = useRef(early?.firstPage ?? null)
  useEffect(() => {
    let isCurrent = true
    // NOTE: the early page only fills an empty list of the same open folder before the list's first page arrives.
    void earlyPage.current?.then((result) => {
      if (isCurrent && result.ok) setState((s) => (s.status === 'open' && !s.isListed && s.articles.length === 0 ? { ...s, ...shownPage(result.value) } : s))
    })
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
    // NOTE: while a large folder is indexed, batches arrive many times a second; each state change re-sorts and
    // re-counts the whole list, so the events of one frame are applied together.
    let queued: FolderEvent[] = []
    let timer: ReturnType<typeof setTimeout> | null = null
    const applyQueued = (): void => {
      timer = null
      const events = queued
      queued = []
      setState((s) => applyEvents(s, events))
    }
    const unsubscribe = api.onFolderEvent((event) => {
      onEventRef.current(event)
      if (event.kind === 'folder-opened') return void showFolder(event.folder)
      inFlight.current?.push(event)
      queued.push(event)
      const isBulk = event.kind === 'articles-indexed' && event.articles.length >= bulkBatchRows && rowCount.current >= longListRows
      timer ??= setTimeout(applyQueued, isBulk ? bulkBatchMs : eventBatchMs)
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [api, refreshArticles, showFolder])

  return [state, { openFolder, refreshArticles }]
}
