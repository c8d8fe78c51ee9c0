import { parentPort, workerData } from 'node:worker_threads'
import { scanArticles, type RankedHit, type ScanSettings } from './folder-scan'

// The worker-thread entry of a folder scan (see folder-search): scans each chunk of paths it is sent and answers
// with that chunk's result (count, skipped files) and this thread's best hits so far (without snippets), in the
// order the chunks came. NOTE: the best are kept across chunks, so a later chunk works out only titles that could
// still enter them.
const port = parentPort
const data = workerData as { root?: unknown; terms?: unknown; settings?: ScanSettings } | null
if (port !== null && typeof data?.root === 'string' && Array.isArray(data.terms) && typeof data.settings?.limit === 'number') {
  const { root, settings } = data
  const terms = data.terms.filter((t): t is string => typeof t === 'string')
  let queue: Promise<void> = Promise.resolve()
  const best: RankedHit[] = []
  port.on('message', (paths: string[]) => {
    queue = queue.then(async () => port.postMessage(await scanArticles(root, paths, terms, settings, settings.withTitles ? best : [])))
  })
}
