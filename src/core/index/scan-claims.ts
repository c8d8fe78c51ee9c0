import type { ScanResult, ScanSettings } from './folder-scan'

// How the threads of a one-off folder scan share its chunks (see folder-search, scan-worker): every chunk of paths
// is sent to each worker as soon as it is listed, and a thread scans a chunk only after claiming it through one
// shared counter, so a thread that is ready (a worker once started, this thread once the listing is done) takes the
// next chunk, and one that finished early takes more.

/** What a scan worker is started with: the query, and the shared counter of chunks claimed (one Int32). */
export interface ScanWorkerData {
  root: string
  terms: string[]
  settings: ScanSettings
  claimed: SharedArrayBuffer
}

/** What a scan worker answers for each chunk it claimed and scanned (its result; hits: the worker's best so far). */
export interface ChunkAnswer {
  chunk: number
  result: ScanResult
}

/** The counter of claimed chunks, in memory every thread of the scan shares. */
export function newClaimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4))
}

/**
 * Claims the next chunk (its number, in listing order) when it is one of the `known` chunks this thread has; -1 when
 * every known chunk is claimed. Each chunk is claimed by exactly one thread (compare-and-swap on the counter).
 */
export function claimChunk(claimed: Int32Array, known: number): number {
  for (;;) {
    const next = Atomics.load(claimed, 0)
    if (next >= known) return -1
    if (Atomics.compareExchange(claimed, 0, next, next + 1) === next) return next
  }
}

/** True when `data` is a ScanWorkerData (a worker checks what it was started with). */
export function isScanWorkerData(data: unknown): data is ScanWorkerData {
  const d = data as Partial<ScanWorkerData> | null
  return typeof d?.root === 'string' && Array.isArray(d.terms) && typeof d.settings?.limit === 'number' && d.claimed instanceof SharedArrayBuffer
}
