import fs from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

/**
 * An index worker that creates its shard's cache file, empty, and then takes every request without answering: the
 * names in the cache folder say how many shards the index started (`<key>.<shard>-of-<count>.json`).
 */
const { cacheFile } = workerData as { cacheFile: string | null }
if (cacheFile !== null) {
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true })
  fs.writeFileSync(cacheFile, '')
}
parentPort?.on('message', () => undefined)
