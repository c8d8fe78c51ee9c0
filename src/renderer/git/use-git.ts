import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolderEvent, FolioApi } from '@shared/api'
import type { GitStatus, GitSyncOutcome, GitSyncPhase } from '@shared/git'
import type { FolioError } from '@shared/result'

/** Where Sync stands: idle, or running (with git's phase and percent once known). */
export type SyncState = { kind: 'idle' } | { kind: 'running'; jobId: string; phase: GitSyncPhase | null; percent: number | null }

/** The Git state the workbench shows, and what it can do. */
export interface GitModel {
  /** Null until the first answer. */
  status: GitStatus | null
  sync: SyncState
  /** How the last Sync or Continue ended (cleared by the next). */
  lastSync: GitSyncOutcome | null
  error: FolioError | null
  refresh: () => void
  startSync: () => void
  continueSync: () => void
  cancelSync: () => void
  abortSync: () => void
  dismissError: () => void
}

const articleEventDelayMs = 400
const gitEventDelayMs = 50

function newJobId(): string {
  return `sync-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * Follows the folder's Git status: asks once, then again (debounced) after `git-changed` events, changes of
 * articles on disk and `refreshAfter` calls. NOTE: status runs in the host as a child process, so typing never waits
 * on it; a late answer never replaces a newer one. Runs Sync/Continue as jobs with progress and Cancel.
 */
export function useGit(api: FolioApi | undefined): GitModel {
  const [status, setStatus] = useState<GitStatus | null>(null)
  const [sync, setSync] = useState<SyncState>({ kind: 'idle' })
  const [lastSync, setLastSync] = useState<GitSyncOutcome | null>(null)
  const [error, setError] = useState<FolioError | null>(null)
  const request = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const job = useRef<string | null>(null)

  const refresh = useCallback(() => {
    if (!api) return
    const id = ++request.current
    void api.gitStatus().then((result) => {
      if (id !== request.current) return
      if (result.ok) setStatus(result.value)
      else setError(result.error)
    })
  }, [api])

  const refreshSoon = useCallback(
    (delayMs: number) => {
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        timer.current = null
        refresh()
      }, delayMs)
    },
    [refresh],
  )

  useEffect(() => {
    if (!api) return undefined
    refresh()
    const stop = api.onFolderEvent((event: FolderEvent) => {
      if (event.kind === 'git-changed') refreshSoon(gitEventDelayMs)
      else if (event.kind === 'git-progress') {
        if (event.jobId === job.current) setSync({ kind: 'running', jobId: event.jobId, phase: event.phase, percent: event.percent })
      } else if (event.kind === 'article-changed' || event.kind === 'article-added' || event.kind === 'article-removed' || event.kind === 'article-renamed') {
        refreshSoon(articleEventDelayMs)
      }
    })
    return () => {
      stop()
      if (timer.current !== null) clearTimeout(timer.current)
    }
  }, [api, refresh, refreshSoon])

  const run = useCallback(
    (call: (jobId: string) => ReturnType<FolioApi['gitSync']>) => {
      if (!api || job.current !== null) return
      const jobId = newJobId()
      job.current = jobId
      setSync({ kind: 'running', jobId, phase: null, percent: null })
      setLastSync(null)
      setError(null)
      void call(jobId).then((result) => {
        job.current = null
        setSync({ kind: 'idle' })
        if (result.ok) setLastSync(result.value)
        else setError(result.error)
        refresh()
      })
    },
    [api, refresh],
  )

  return {
    status,
    sync,
    lastSync,
    error,
    refresh,
    startSync: useCallback(() => run((jobId) => (api as FolioApi).gitSync(jobId)), [run, api]),
    continueSync: useCallback(() => run((jobId) => (api as FolioApi).gitContinue(jobId)), [run, api]),
    cancelSync: useCallback(() => {
      if (api && job.current !== null) void api.gitCancelSync(job.current)
    }, [api]),
    abortSync: useCallback(() => {
      if (!api) return
      void api.gitAbort().then((result) => {
        if (!result.ok) setError(result.error)
        setLastSync(null)
        refresh()
      })
    }, [api, refresh]),
    dismissError: useCallback(() => setError(null), []),
  }
}
