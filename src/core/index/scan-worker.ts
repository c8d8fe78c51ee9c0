import { parentPort, workerData } from 'node:worker_threads'
import { scanArticles } from './folder-scan'

// The worker-thread entry of a folder scan (see folder-search): scans each chunk of paths it is sent and answers
// with that chunk's count and best hits, in the order the chunks came.
const port = parentPort
const data = workerData as { root?: unknown; terms?: unknown; limit?: unknown } | null
if (port !== null && typeof data?.root === 'string' && Array.isArray(data.terms) && typeof data.limit === 'number') {
  const { root, limit } = data
  const terms = data.terms.filter((t): t is string => typeof t === 'string')
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (paths: string[]) => {
    queue = queue.then(async () => port.postMessage(await scanArticles(root, paths, terms, limit)))
  })
}
