import { BroadcastChannel } from 'node:worker_threads'
import type { ScanWorkerData } from '../../src/core/index/scan-claims'

// How a scan worker started by a test (scan-worker-reports, scan-worker-quits) shows the test what it claimed: it
// sends the scan's shared counter of claimed chunks (see scan-claims) over a BroadcastChannel, which reaches every
// thread of the process, so the test reads the same counter the threads of the scan claim through.
const channelName = 'folio-test-scan-claims'

/** Worker side: sends the claim counter of the scan this worker was started for to the test. */
export function reportClaims(data: ScanWorkerData): void {
  const channel = new BroadcastChannel(channelName)
  channel.postMessage({ root: data.root, claimed: data.claimed })
  // NOTE: unref, not close: the message must still go out, and the channel must not keep the worker alive.
  channel.unref()
}

/** Test side: the chunks claimed so far in the scans of `root` started after this call (-1 until a worker reports); close when done. */
export interface ClaimsWatch {
  claimed: () => number
  close: () => void
}

/** Starts listening for the claim counter a worker of a scan of `root` reports (see reportClaims). */
export function watchClaims(root: string): ClaimsWatch {
  const channel = new BroadcastChannel(channelName)
  let counter: Int32Array | null = null
  channel.onmessage = (event: unknown) => {
    const data = (event as { data: { root: string; claimed: SharedArrayBuffer } }).data
    if (data.root === root) counter = new Int32Array(data.claimed)
  }
  return { claimed: () => (counter === null ? -1 : Atomics.load(counter, 0)), close: () => channel.close() }
}
