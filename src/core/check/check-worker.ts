import { parentPort, workerData } from 'node:worker_threads'
import { checkFiles } from './file-check'

// The worker-thread entry of `folio check` on a large folder (see folder-check): checks each chunk of paths it is
// sent and answers with that chunk's result, in the order the chunks came.
const port = parentPort
const data = workerData as { root?: unknown } | null
if (port !== null && typeof data?.root === 'string') {
  const root = data.root
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (rels: string[]) => {
    queue = queue.then(async () => port.postMessage(await checkFiles(root, rels)))
  })
}
