import { parentPort } from 'node:worker_threads'
import type { StampWorkerJob } from '../../src/core/index/stamp-worker'

// A stamp worker that dies holding a block (see stamp-threads.test.ts): it claims the next block of the job it is
// sent and exits without checking it, so the main thread must find that block undone and check it itself.
parentPort?.once('message', (data: StampWorkerJob) => {
  Atomics.add(new Int32Array(data.next), 0, 1)
  process.exit(0)
})
