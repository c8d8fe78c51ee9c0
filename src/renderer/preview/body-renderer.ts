import { PreviewModel, type UnitPatch } from '@shared/markdown/preview-model'
import { renderRequest, type BodyRequest, type WorkerAnswer, type WorkerRequest } from './body-render-request'

/** Renders article bodies for one preview, answering each request with a patch through `onPatch`. */
export interface BodyRenderer {
  /** Renders `request`; while one is in the worker, only the latest waiting request is kept. */
  request(request: BodyRequest): void
  /** True while renders run in the worker (false: in the page, at once, inside `request`). */
  readonly isOffThread: boolean
  dispose(): void
}

type Listener = (answer: WorkerAnswer) => void
let shared: { worker: Worker; listeners: Map<number, Listener> } | null | undefined
let sessions = 0

/** The page's one render worker; null where workers are unavailable (jsdom) or failed to start. */
function sharedWorker(): { worker: Worker; listeners: Map<number, Listener> } | null {
  if (shared !== undefined) return shared
  if (typeof Worker === 'undefined') return (shared = null)
  try {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'folio-preview' })
    const listeners = new Map<number, Listener>()
    worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => listeners.get(event.data.session)?.(event.data))
    // NOTE: a worker that fails to load (a policy, a missing file) answers nothing: every session renders in the page.
    worker.addEventListener('error', () => {
      console.warn('The preview worker failed; the preview renders in the page.')
      shared = null
      for (const listener of listeners.values()) listener({ session: -1, patch: null })
    })
    return (shared = { worker, listeners })
  } catch (error) {
    console.warn('The preview worker could not start; the preview renders in the page:', error)
    return (shared = null)
  }
}

/**
 * A body renderer for one preview: markdown-it runs in a worker shared by the page (so a long article never holds
 * the main thread), or in the page where there is none. Patches arrive in order, each from the previous one.
 */
export function createBodyRenderer(onPatch: (patch: UnitPatch) => void): BodyRenderer {
  const session = ++sessions
  let host = sharedWorker()
  let local: PreviewModel | null = null
  let inFlight: BodyRequest | null = null
  let waiting: BodyRequest | null = null
  let isDisposed = false
  const renderHere = (request: BodyRequest): void => {
    local ??= new PreviewModel()
    onPatch(renderRequest(local, request))
  }
  const send = (request: BodyRequest): void => {
    inFlight = request
    host?.worker.postMessage({ kind: 'render', session, request } satisfies WorkerRequest)
  }
  const onAnswer = (answer: WorkerAnswer): void => {
    if (isDisposed) return
    const last = inFlight
    inFlight = null
    if (answer.patch === null) {
      // NOTE: the page's model starts empty, so its first patch must redraw the page from nothing.
      host?.listeners.delete(session)
      host = null
      const next = waiting ?? last
      waiting = null
      if (next !== null) renderHere({ ...next, isReset: true })
      return
    }
    onPatch(answer.patch)
    if (waiting !== null) {
      const next = waiting
      waiting = null
      send(next)
    }
  }
  host?.listeners.set(session, onAnswer)
  return {
    get isOffThread() {
      return host !== null
    },
    request(request) {
      if (host === null) return renderHere(request)
      if (inFlight === null) return send(request)
      // NOTE: a reset must survive being replaced by a later request, or the page would patch stale units.
      waiting = { ...request, isReset: request.isReset || (waiting?.isReset ?? false) }
    },
    dispose() {
      isDisposed = true
      host?.listeners.delete(session)
      host?.worker.postMessage({ kind: 'drop', session } satisfies WorkerRequest)
    },
  }
}
