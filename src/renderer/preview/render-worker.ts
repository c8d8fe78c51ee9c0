// The preview's render worker: markdown-it over the whole body off the page's main thread, answering each render
// with the patch from the last one (src/shared/markdown/preview-model.ts). One model per preview session.
import { PreviewModel } from '@shared/markdown/preview-model'
import { renderRequest, type WorkerAnswer, type WorkerRequest } from './body-render-request'

/** The parts of the worker's global scope used here (the DOM lib types `self` as a window). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage: (answer: WorkerAnswer) => void }
const models = new Map<number, PreviewModel>()

scope.onmessage = (event) => {
  const message = event.data
  if (message.kind === 'drop') {
    models.delete(message.session)
    return
  }
  const model = models.get(message.session) ?? new PreviewModel()
  models.set(message.session, model)
  try {
    scope.postMessage({ session: message.session, patch: renderRequest(model, message.request) })
  } catch (error) {
    models.delete(message.session)
    console.error('The preview worker failed to render:', error)
    scope.postMessage({ session: message.session, patch: null })
  }
}
