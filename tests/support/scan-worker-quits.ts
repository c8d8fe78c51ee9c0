import { parentPort, workerData } from 'node:worker_threads'
import type { ScanWorkerData } from '../../src/core/index/scan-claims'
import { reportClaims } from './scan-claims-channel'

// A scan worker that dies holding a chunk (see folder-search.test.ts): it claims the first chunk it is sent and exits
// without answering, so the main thread must find that chunk unanswered and scan it itself. It shows the test the
// scan's claim counter first (see scan-claims-channel).
reportClaims(workerData as ScanWorkerData)
parentPort?.once('message', () => {
  Atomics.add(new Int32Array((workerData as ScanWorkerData).claimed), 0, 1)
  process.exit(0)
})
