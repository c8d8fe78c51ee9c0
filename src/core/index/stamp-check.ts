import { absOf } from './scan-read'
import { isSameStamp } from './cache-place'
import { emptyStamp, type StampRead } from './stamp-read'

export { lstatOrNull } from './stamp-read'

// Checking a saved search index's files by their stamps (see search-cache): its own module, so the scan worker
// loads it only for that job.

/**
 * Checks the files `paths[from, to)` by their saved stamps (`stamps`: size, mtime, ctime of each path in turn) with
 * `read` (see stampReader): flags (1 = unchanged, by id from `from`) and the changed ones added to `changed`; a gone
 * file is neither.
 */
export function checkStamps(root: string, paths: readonly string[], stamps: Float64Array, from: number, to: number, changed: string[], read: StampRead): Uint8Array {
  const valid = new Uint8Array(to - from)
  const now = emptyStamp()
  for (let id = from; id < to; id++) {
    if (!read(absOf(root, paths[id]), now) || !now.isFile) continue
    if (isSameStamp({ size: stamps[id * 3], mtimeMs: stamps[id * 3 + 1], ctimeMs: stamps[id * 3 + 2] }, now)) valid[id - from] = 1
    else changed.push(paths[id])
  }
  return valid
}
