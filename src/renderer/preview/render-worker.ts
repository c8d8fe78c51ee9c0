// The preview's render worker: markdown-it over the whole body off the page's main thread, answering each render
// with the patch from the last one (src/shared/markdown/preview-model.ts). One model per preview session.
import { PreviewModel, splitResetPatch } from '@shared/markdown/preview-model'
import { renderRequest, type WorkerAnswer, type WorkerRequest } from './body-render-request'

/** The parts of the worker's global scope used here (the DOM lib types `self` as a window). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage: (answer: WorkerAnswer) => void }
const models = new Map<number, PreviewModel>()
/** Units per message of a first render. */
const unitsPerMessage = 256

scope.onmessage = (event) => {
  const message = event.data
  if (message.kind === 'drop') {
    models.delete(message.session)
    return
  }
  const model = models.get(message.session) ?? new PreviewModel()
  models.set(message.session, model)
  try {
    // NOTE: the page reads a message's data in one task: a 1 MB article's first patch took 30-40 ms of its CPU.
    const patches = splitResetPatch(renderRequest(model, message.request), unitsPerMessage)
    patches.forEach((patch, i) => scope.postMessage({ session: message.session, patch, isFinal: i === patches.length - 1 }))
  } catch (error) {
    models.delete(message.session)
    console.error('The preview worker failed to render:', error)
    scope.postMessage({ session: message.session, patch: null, isFinal: true })
  }
}
