import type { Worker } from 'node:worker_threads'
import { startWorkerThread, workerEntry, workerEntryAt, type WorkerEntry } from '../worker-entry'

/**
 * Where the shard runs: `worker` a worker thread (see worker-entry), `local` this
 * thread, `auto` a worker when a built worker script exists, else this thread (tests of other parts stay light).
 */
export type ShardMode = 'worker' | 'local' | 'auto'

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

/**
 * The worker entry a shard in `mode` runs, or null when the shard should run in this thread: `script` when given
 * (see ShardClientOptions.workerScript), else index-worker (see worker-entry).
 */
export function shardWorkerEntry(mode: ShardMode, script: URL | null = null): WorkerEntry | null {
  const found = script === null ? (mode === 'local' ? null : workerEntry('index-worker')) : workerEntryAt(script)
  return found === null || (found.isSource && mode === 'auto') ? null : found
}

/** Starts a shard's worker thread from its entry (see shardWorkerEntry). */
export function startShardWorker(entry: WorkerEntry, workerData: ShardWorkerData): Worker {
  return startWorkerThread(entry, { workerData, resourceLimits })
}
