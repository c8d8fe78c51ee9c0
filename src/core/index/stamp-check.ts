import { isSameStamp } from './cache-place'
import type { TextColumn } from './search-index-format'
import { absOf, emptyStamp, type StampRead } from './stamp-read'

export { lstatOrNull } from './stamp-read'

// Checking a saved search index's files by their stamps (see search-cache): its own module, so the stamp worker
// (see stamp-worker) loads only this and the stamp reader.

/** What the check found of a saved file (one byte each in a StampStates array). */
export const stampState = { unchecked: 0, same: 1, changed: 2, gone: 3 } as const

/**
 * Checks the files `from` to `to` (ids) of the saved index by their saved stamps (`stamps`: size, mtime, ctime of
 * each path in turn) with `read` (see stampReader), writing each one's stampState into `states` (by id): same,
 * changed, or gone (no longer there, or no longer a regular file).
 */
export function checkStamps(root: string, paths: TextColumn, stamps: Float64Array, from: number, to: number, states: Uint8Array, read: StampRead): void {
  const now = emptyStamp()
  // NOTE: the path is made here and dropped at once: 50,000 path strings kept for the whole search cost more in
  // garbage collection than making each one again.
  for (let id = from; id < to; id++) {
    const rel = paths.bytes.toString('utf8', paths.starts[id], paths.starts[id + 1])
    if (!read(absOf(root, rel), now) || !now.isFile) states[id] = stampState.gone
    else if (isSameStamp({ size: stamps[id * 3], mtimeMs: stamps[id * 3 + 1], ctimeMs: stamps[id * 3 + 2] }, now)) states[id] = stampState.same
    else states[id] = stampState.changed
  }
}

/**
 * A stamp check shared by threads (see checkClaimedBlocks): the saved index's paths and stamps, the stampState of
 * each file, and in shared memory the next block to claim and a flag per block checked.
 */
export interface StampJob {
  root: string
  count: number
  paths: TextColumn
  stamps: Float64Array
  states: Uint8Array
  /** next[0]: the next block to claim. */
  next: Int32Array
  /** 1 once block i is checked (set after its states are written). */
  done: Uint8Array
}

/** Files per block: few enough that two threads end together, enough that claiming one costs nothing. */
export const stampBlock = 512

/** How many blocks a check of `count` files has. */
export const blockCount = (count: number): number => Math.ceil(count / stampBlock)

/** Checks block `b` of `job` (see checkStamps) and marks it done. */
export function checkBlock(job: StampJob, b: number, read: StampRead): void {
  checkStamps(job.root, job.paths, job.stamps, b * stampBlock, Math.min(job.count, (b + 1) * stampBlock), job.states, read)
  Atomics.store(job.done, b, 1)
}

/**
 * Claims blocks of `job` one at a time and checks them until none is left. NOTE: each thread claims the next block
 * when it is ready, so a thread that started late (a worker's start-up) or runs slower simply takes fewer.
 */
export function checkClaimedBlocks(job: StampJob, read: StampRead): void {
  const blocks = blockCount(job.count)
  for (let b = Atomics.add(job.next, 0, 1); b < blocks; b = Atomics.add(job.next, 0, 1)) checkBlock(job, b, read)
}
