import { lazy } from 'react'

/** A lazy part of the UI whose code could not be downloaded (e.g. the server stopped, or a rebuild replaced it). */
export class CodeLoadError extends Error {
  override name = 'CodeLoadError'
}

// NOTE: each loader is the one place its module is imported, so preloading and React.lazy share one request.
const loadExportDialog = once(() => import('./ExportDialog'))
const loadDiffView = once(() => import('./DiffView'))

/** The Export dialog, fetched on first render; wrap it in a LazyBoundary. */
export const LazyExportDialog = lazy(() => loadExportDialog().then((m) => ({ default: m.ExportDialog })))

/** The side-by-side diff (@codemirror/merge), fetched on first render; wrap it in a LazyBoundary. */
export const LazyDiffView = lazy(() => loadDiffView().then((m) => ({ default: m.DiffView })))

/**
 * Starts downloading the dialogs' code so that they open at once. A failed download is ignored here: the
 * LazyBoundary that renders the dialog reports it (and its loader tries again).
 */
export function preloadDialogs(): void {
  for (const load of [loadExportDialog, loadDiffView]) load().catch(() => undefined)
}

/** Memoises a module download; a failed one is forgotten so that the next call tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null
  return () =>
    (promise ??= load().catch((error: unknown) => {
      promise = null
      throw new CodeLoadError(error instanceof Error ? error.message : String(error), { cause: error })
    }))
}
