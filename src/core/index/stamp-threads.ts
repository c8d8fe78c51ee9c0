import type * as WorkerThreads from 'node:worker_threads'
import { builtWorkerEntry, startWorkerThread, workerEntryAt } from '../worker-entry'
import { workersForMachine } from './machine-load'
import type { SavedIndex } from './search-index-format'
import { blockCount, checkBlock, checkClaimedBlocks, type StampJob } from './stamp-check'
import { stampReader, type StampRead } from './stamp-read'
import type { StampWorkerJob } from './stamp-worker'

// The saved search index's stamp check (issue #22) on two threads when a core is idle: one lstat per file is the
// rule (size, mtime and ctime), and at 50,000 files those system calls are most of a saved-index search. A worker
// thread claims blocks of files beside this thread, in shared memory (see StampJob), so the check takes about half
// the wall time once the worker is up; a worker that starts late only takes fewer blocks.

/** How the stamp check may use a worker thread. */
export interface StampThreads {
  /** 0: this thread only; 1: a worker too, whatever the machine's load (tests); default: one when a core is idle now. */
  workers?: number
  /** From how many files a worker is worth its start-up (default stampWorkerFrom). */
  from?: number
  /** The worker entry to run instead of the built stamp-worker beside this module (see worker-entry). */
  script?: URL
  /**
   * Threads runnable besides this one when the search started (machine-load's othersRunnableNow): the fewer of that
   * and the count when the worker would start decides, as the one-off scan does (this process's own start-up threads
   * may be running at either moment).
   */
  runnableBefore?: number | null
}

/**
 * From how many files the check starts a worker (when a core is idle). NOTE: a worker's start-up costs about 30-70 ms
 * of CPU on the other core; at 4-5 µs per lstat on this VM that is paid back from about 10,000 files.
 */
export const stampWorkerFrom = 8000

/**
 * Starts a stamp worker for a check of `count` files (see stamp-worker), before the index's columns are read so its
 * start-up overlaps that reading; null when none is wanted (small folder, busy machine) or there is no worker entry.
 * `probe`: the index file, which the worker's stamp reader is proven on.
 */
export function startStampWorker(count: number, probe: string, threads: StampThreads = {}): WorkerThreads.Worker | null {
  if (count < (threads.from ?? stampWorkerFrom)) return null
  const wanted = threads.workers ?? workersForMachine(threads.runnableBefore ?? null)
  const entry = threads.script === undefined ? builtWorkerEntry('stamp-worker') : workerEntryAt(threads.script)
  if (wanted < 1 || entry === null) return null
  const worker = startWorkerThread(entry, { workerData: { probe } })
  // NOTE: a worker that fails only checks nothing: its blocks are checked by this thread (see checkAllStamps).
  worker.on('error', () => undefined)
  worker.unref()
  return worker
}

/** Hands `job` to `worker` (see StampWorkerJob). */
function sendJob(worker: WorkerThreads.Worker, job: StampJob): void {
  const shared = (view: ArrayBufferView): SharedArrayBuffer => view.buffer as SharedArrayBuffer
  const message: StampWorkerJob = {
    root: job.root,
    count: job.count,
    pathBytes: shared(job.paths.bytes),
    pathStarts: shared(job.paths.starts),
    stamps: shared(job.stamps),
    states: shared(job.states),
    next: shared(job.next),
    done: shared(job.done),
  }
  worker.postMessage(message)
}

/** Resolves once `worker` says it has no block left, or is gone. */
function idleOrGone(worker: WorkerThreads.Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.once('message', () => resolve())
    worker.once('error', () => resolve())
    worker.once('exit', () => resolve())
  })
}

const isAllDone = (job: StampJob): boolean => {
  for (let b = 0; b < job.done.length; b++) if (Atomics.load(job.done, b) === 0) return false
  return true
}

/** A stamp check of every file of `saved` under `root`, in fresh shared memory, nothing checked yet. */
export function newStampJob(root: string, saved: SavedIndex): StampJob {
  const { count } = saved
  return {
    root,
    count,
    paths: saved.paths,
    stamps: saved.stamps,
    states: new Uint8Array(new SharedArrayBuffer(count)),
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Uint8Array(new SharedArrayBuffer(blockCount(count))),
  }
}

/**
 * Runs `job` on this thread with `read`, shared with `worker` (see startStampWorker) when there is one; resolves
 * once every block is checked. `beforeFiles` runs on this thread first, while the worker may still be starting.
 */
export async function runStampJob(job: StampJob, read: StampRead, worker: WorkerThreads.Worker | null, beforeFiles: () => void = () => undefined): Promise<void> {
  if (worker !== null) sendJob(worker, job)
  beforeFiles()
  checkClaimedBlocks(job, read)
  if (worker === null) return
  // NOTE: every block this thread claimed is done, so one not done is the worker's, still being checked.
  if (!isAllDone(job)) {
    // NOTE: unref'd since it started (a worker still starting must not hold the process), so held while awaited.
    worker.ref()
    await idleOrGone(worker)
  }
  void worker.terminate()
  // NOTE: a block left by a worker that died (or failed to start) is checked here; Atomics.load orders the worker's
  // writes of a block's states before its done flag is seen.
  for (let b = 0; b < job.done.length; b++) if (Atomics.load(job.done, b) === 0) checkBlock(job, b, read)
}

/**
 * The stampState of every file of `saved` (by id) under `root` (see checkStamps), read by the stamp reader proven on
 * `probe` (the index file), shared with `worker` if any (see runStampJob).
 */
export async function checkAllStamps(root: string, saved: SavedIndex, probe: string, worker: WorkerThreads.Worker | null, beforeFiles?: () => void): Promise<Uint8Array> {
  const job = newStampJob(root, saved)
  await runStampJob(job, stampReader(probe), worker, beforeFiles)
  return job.states
}
