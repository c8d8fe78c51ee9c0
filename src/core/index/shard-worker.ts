import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { startSourceWorker } from '../source-worker'

/**
 * Where the shard runs: `worker` a worker thread (see startSourceWorker when running from TypeScript sources), `local` this
 * thread, `auto` a worker when a built worker script exists, else this thread (tests of other parts stay light).
 */
export type ShardMode = 'worker' | 'local' | 'auto'

function workerScript(): { url: URL; isSource: boolean } | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return { url: new URL('./index-worker.ts', here), isSource: true }
  for (const name of ['./index-worker.mjs', './index-worker.js', '../index-worker.mjs', '../index-worker.js']) {
    const url = new URL(name, here)
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, isSource: false }
  }
  return null
}

// NOTE: indexing makes much short-lived garbage (file texts); a small young generation keeps RSS low at a small
// cost in collection time. The old generation holds the shard's summaries and word index.
const resourceLimits = { maxYoungGenerationSizeMb: Number(process.env.FOLIO_INDEX_YOUNG_MB ?? 8), maxOldGenerationSizeMb: 512 }

/** What a shard's worker is started with (see index-worker). */
export interface ShardWorkerData {
  root: string
  cacheFile: string | null
  /** The ShardCursor's memory. */
  cursor: SharedArrayBuffer
  /** `folio check`'s mode (see ShardCoreOptions.withProblems). */
  withProblems: boolean
}

/** Where a shard's worker thread is, as shardWorkerEntry finds it. */
export interface ShardWorkerEntry {
  url: URL
  isSource: boolean
}

/** The worker entry a shard in `mode` runs, or null when the shard should run in this thread. `script`: a test seam. */
export function shardWorkerEntry(mode: ShardMode, script: URL | null = null): ShardWorkerEntry | null {
  const found = script === null ? (mode === 'local' ? null : workerScript()) : { url: script, isSource: script.pathname.endsWith('.ts') }
  return found === null || (found.isSource && mode === 'auto') ? null : found
}

/** Starts a shard's worker thread from its entry (see shardWorkerEntry). */
export function startShardWorker(entry: ShardWorkerEntry, workerData: ShardWorkerData): Worker {
  if (!entry.isSource) return new Worker(entry.url, { workerData, resourceLimits })
  return startSourceWorker(entry.url, { workerData, resourceLimits })
}
