import type { ChangeSet, Text } from '@codemirror/state'
import { PreviewModel, type UnitPatch } from '@shared/markdown/preview-model'
import { renderRequest, type BodyRequest, type BodyText, type WorkerAnswer, type WorkerRequest } from './body-render-request'

/**
 * What the preview asks to render: the document and where its body starts, with the changes from the document of
 * its previous request (null when unknown: the whole body is sent again).
 */
export interface BodySource extends Omit<BodyRequest, 'body'> {
  doc: Text
  bodyFrom: number
  changes: ChangeSet | null
}

/** Renders article bodies for one preview, answering each request with a patch through `onPatch`. */
export interface BodyRenderer {
  /** Renders `source`; while one is in the worker, only the latest waiting request is kept. */
  request(source: BodySource): void
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
      for (const listener of listeners.values()) listener({ session: -1, patch: null, isFinal: true })
    })
    return (shared = { worker, listeners })
  } catch (error) {
    console.warn('The preview worker could not start; the preview renders in the page:', error)
    return (shared = null)
  }
}

/**
 * The body of `next` as one edit of `base`'s body, from the changes between their documents; null when the changes
 * reach both the front matter and the body, or the body moved (then the whole body goes).
 */
export function bodyEdit(base: { doc: Text; bodyFrom: number }, next: { doc: Text; bodyFrom: number }, changes: ChangeSet): BodyText | null {
  let fromA = Infinity
  let toA = -1
  let fromB = Infinity
  let toB = -1
  changes.iterChangedRanges((fa, ta, fb, tb) => {
    fromA = Math.min(fromA, fa)
    toA = Math.max(toA, ta)
    fromB = Math.min(fromB, fb)
    toB = Math.max(toB, tb)
  })
  if (toA === -1) return base.bodyFrom === next.bodyFrom ? { kind: 'edit', from: 0, to: 0, insert: '' } : null
  // NOTE: text before the first change and after the last is the same in both documents: an edit wholly before both
  // bodies leaves the body alone when it starts as far after the change in each.
  if (toA <= base.bodyFrom && toB <= next.bodyFrom) return base.bodyFrom - toA === next.bodyFrom - toB ? { kind: 'edit', from: 0, to: 0, insert: '' } : null
  if (fromA < base.bodyFrom || base.bodyFrom !== next.bodyFrom) return null
  return { kind: 'edit', from: fromA - base.bodyFrom, to: toA - base.bodyFrom, insert: next.doc.sliceString(fromB, toB) }
}

/**
 * A body renderer for one preview: markdown-it runs in a worker shared by the page (so a long article never holds
 * the main thread), or in the page where there is none. Patches arrive in order, each from the previous one. Only
 * the first request (and one after a reset or unknown changes) sends the whole body; the others send the range
 * that changed since the body the renderer last received.
 */
export function createBodyRenderer(onPatch: (patch: UnitPatch) => void): BodyRenderer {
  const session = ++sessions
  let host = sharedWorker()
  let local: PreviewModel | null = null
  let inFlight: BodySource | null = null
  let waiting: BodySource | null = null
  let isDisposed = false
  /** The document whose body the model last received; the changes from it to the latest request's document. */
  let base: { doc: Text; bodyFrom: number } | null = null
  let changes: ChangeSet | null = null
  const wire = (source: BodySource): BodyRequest => {
    const edit = base !== null && changes !== null ? bodyEdit(base, source, changes) : null
    base = { doc: source.doc, bodyFrom: source.bodyFrom }
    changes = null
    const body = edit ?? { kind: 'whole', text: source.doc.sliceString(source.bodyFrom) }
    return { body, lineOffset: source.lineOffset, allowRemoteImages: source.allowRemoteImages, asset: source.asset, isReset: source.isReset }
  }
  /** The next request sends the whole body. */
  const forget = (): void => {
    base = null
    changes = null
  }
  const renderHere = (source: BodySource): void => {
    local ??= new PreviewModel()
    onPatch(renderRequest(local, wire(source)))
  }
  const send = (source: BodySource): void => {
    inFlight = source
    host?.worker.postMessage({ kind: 'render', session, request: wire(source) } satisfies WorkerRequest)
  }
  const onAnswer = (answer: WorkerAnswer): void => {
    if (isDisposed) return
    if (answer.patch !== null && !answer.isFinal) return onPatch(answer.patch)
    const last = inFlight
    inFlight = null
    if (answer.patch === null) {
      // NOTE: the page's model starts empty, so its first patch must redraw the page from the whole body.
      host?.listeners.delete(session)
      host = null
      const next = waiting ?? last
      waiting = null
      forget()
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
    request(source) {
      if (source.isReset || source.changes === null) forget()
      else changes = changes === null ? source.changes : changes.compose(source.changes)
      if (host === null) return renderHere(source)
      if (inFlight === null) return send(source)
      // NOTE: a reset must survive being replaced by a later request, or the page would patch stale units.
      waiting = { ...source, isReset: source.isReset || (waiting?.isReset ?? false) }
    },
    dispose() {
      isDisposed = true
      host?.listeners.delete(session)
      host?.worker.postMessage({ kind: 'drop', session } satisfies WorkerRequest)
    },
  }
}
