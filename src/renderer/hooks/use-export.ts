import { useCallback, useEffect, useRef, useState } from 'react'
import type { ExportOutcome, ExportRequest } from '@shared/api'
import type { FolioError } from '@shared/result'
import { api } from '../api'
import { downloadFile } from '../export/export-plan'

/** Where an export stands, for the dialog. */
export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; done: number; total: number }
  | { kind: 'finished'; outcome: ExportOutcome }
  | { kind: 'failed'; error: FolioError }

/** A fresh job id for matching progress events and cancelling. */
export function newJobId(): string {
  return `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * Runs exports through the host: follows `export-progress` events of the running job, cancels on request, and in
 * browser mode hands the answered bytes to the browser as a download.
 */
export function useExport(): { state: ExportState; start: (request: ExportRequest & { jobId: string }) => void; cancel: () => void } {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const jobRef = useRef<string | null>(null)
  useEffect(
    () =>
      api.onFolderEvent((event) => {
        if (event.kind !== 'export-progress' || event.jobId !== jobRef.current) return
        setState((s) => (s.kind === 'running' && s.jobId === event.jobId ? { ...s, done: event.done, total: event.total } : s))
      }),
    [],
  )
  const start = useCallback((request: ExportRequest & { jobId: string }) => {
    jobRef.current = request.jobId
    setState({ kind: 'running', jobId: request.jobId, done: 0, total: request.paths.length })
    void api.exportArticles(request).then((result) => {
      if (jobRef.current !== request.jobId) return
      jobRef.current = null
      if (!result.ok) return setState({ kind: 'failed', error: result.error })
      if (result.value.kind === 'download') downloadFile(result.value.fileName, result.value.mimeType, result.value.base64)
      setState({ kind: 'finished', outcome: result.value })
    })
  }, [])
  const cancel = useCallback(() => {
    const jobId = jobRef.current
    if (jobId !== null) void api.cancelExport(jobId)
  }, [])
  return { state, start, cancel }
}
