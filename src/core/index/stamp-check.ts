import fs from 'node:fs'
import { errnoCode } from '../errno'
import { absOf } from './scan-read'
import { isSameStamp } from './cache-place'

// Checking a saved search index's files by their stamps (see search-cache): its own module, so the scan worker
// loads it only for that job.

/** The lstat of `abs`, or null when it is gone or cannot be looked at. */
export function lstatOrNull(abs: string): fs.Stats | null {
  try {
    return fs.lstatSync(abs, { throwIfNoEntry: false }) ?? null
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
}

/**
 * Checks the files `paths[from, to)` by their saved stamps (`stamps`: size, mtime, ctime of each path in turn):
 * flags (1 = unchanged, by id from `from`) and the changed ones added to `changed`; a gone file is neither.
 */
export function checkStamps(root: string, paths: readonly string[], stamps: Float64Array, from: number, to: number, changed: string[]): Uint8Array {
  const valid = new Uint8Array(to - from)
  for (let id = from; id < to; id++) {
    const stats = lstatOrNull(absOf(root, paths[id]))
    if (stats === null || !stats.isFile()) continue
    const now = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs }
    if (isSameStamp({ size: stamps[id * 3], mtimeMs: stamps[id * 3 + 1], ctimeMs: stamps[id * 3 + 2] }, now)) valid[id - from] = 1
    else changed.push(paths[id])
  }
  return valid
}
