// Sends a large `folio serve` request off the page's main thread: the JSON text of a 1 MB article and fetch's copy
// of it cost the page hundreds of milliseconds on a busy machine (bench/keystroke.bench.mjs; the journal writes
// the whole unsaved text after each pause in typing). See large-post.ts.
import { createPartsCollector, type LargePostAnswer, type LargePostMessage } from './large-post'

/** The parts of the worker's global scope used here (the DOM lib types `self` as a window). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<LargePostMessage>) => void) | null; postMessage: (answer: LargePostAnswer) => void }
const collect = createPartsCollector()

scope.onmessage = (event) => {
  const request = collect(event.data)
  if (request === null) return
  const { id, url, headers, args } = request
  void fetch(url, { method: 'POST', credentials: 'omit', headers, body: JSON.stringify({ args }) })
    .then(async (response) => scope.postMessage({ id, status: response.status, statusText: response.statusText, text: await response.text() }))
    .catch((error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }))
}
