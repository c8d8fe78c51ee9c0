import { parentPort, workerData } from 'node:worker_threads'
import { checkClaimedBlocks, type StampJob } from './stamp-check'
import { stampReader } from './stamp-read'

// The worker-thread entry of a saved search index's stamp check (see stamp-threads): started while the main thread
// reads the index, it gets the job's shared memory in one message, claims and checks blocks of files beside the
// main thread, then says so once no block is left.

/** What the main thread sends once the index is read: the job's shared memory (see StampJob). */
export interface StampWorkerJob {
  root: string
  count: number
  pathBytes: SharedArrayBuffer
  pathStarts: SharedArrayBuffer
  stamps: SharedArrayBuffer
  states: SharedArrayBuffer
  next: SharedArrayBuffer
  done: SharedArrayBuffer
}

const port = parentPort
const probe: unknown = (workerData as { probe?: unknown } | null)?.probe
if (port !== null && typeof probe === 'string') {
  // NOTE: proven (see stamp-read) while the main thread still reads the index.
  const read = stampReader(probe)
  port.once('message', (data: StampWorkerJob) => {
    const job: StampJob = {
      root: data.root,
      count: data.count,
      paths: { bytes: Buffer.from(data.pathBytes), starts: new Uint32Array(data.pathStarts) },
      stamps: new Float64Array(data.stamps),
      states: new Uint8Array(data.states),
      next: new Int32Array(data.next),
      done: new Uint8Array(data.done),
    }
    checkClaimedBlocks(job, read)
    port.postMessage('idle')
  })
}
