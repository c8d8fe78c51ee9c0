import { parentPort, workerData } from 'node:worker_threads'
import { scanArticles, type RankedHit } from './folder-scan'
import { claimChunk, isScanWorkerData, type ChunkAnswer } from './scan-claims'

// The worker-thread entry of a folder scan (see folder-search): it is sent every chunk of paths as it is listed, and
// scans those it claims (see scan-claims), answering each with that chunk's result (count, skipped files) and this
// thread's best hits so far (without snippets). NOTE: the best are kept across chunks, so a later chunk works out
// only titles that could still enter them.
const port = parentPort
const data: unknown = workerData
if (port !== null && isScanWorkerData(data)) {
  const { root, settings } = data
  const terms = data.terms.filter((t): t is string => typeof t === 'string')
  const claimed = new Int32Array(data.claimed)
  const chunks: string[][] = []
  const best: RankedHit[] = []
  let isScanning = false
  // NOTE: one loop at a time; chunks that come while it awaits a title are claimed by the same loop.
  const scanClaimed = async (): Promise<void> => {
    if (isScanning) return
    isScanning = true
    try {
      for (let chunk = claimChunk(claimed, chunks.length); chunk !== -1; chunk = claimChunk(claimed, chunks.length)) {
        const result = await scanArticles(root, chunks[chunk], terms, settings, settings.withTitles ? best : [])
        chunks[chunk] = []
        port.postMessage({ chunk, result } satisfies ChunkAnswer)
      }
    } finally {
      isScanning = false
    }
  }
  port.on('message', (paths: string[]) => {
    chunks.push(paths)
    void scanClaimed()
  })
}
