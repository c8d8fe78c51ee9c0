import { absOf } from './scan-read'
import { isSameStamp } from './cache-place'
import { stampReader } from './stamp-read'

export { lstatOrNull } from './stamp-read'

// Checking a saved search index's files by their stamps (see search-cache): its own module, so the scan worker
// loads it only for that job.

/**
 * Checks the files `paths[from, to)` by their saved stamps (`stamps`: size, mtime, ctime of each path in turn):
 * flags (1 = unchanged, by id from `from`) and the changed ones added to `changed`; a gone file is neither.
 * `probeFile` is an existing regular file the fast stamp reader is proven on (see stampReader).
 */
export function checkStamps(root: string, paths: readonly string[], stamps: Float64Array, from: number, to: number, changed: string[], probeFile: string): Uint8Array {
  const valid = new Uint8Array(to - from)
  const stampOf = stampReader(probeFile)
  for (let id = from; id < to; id++) {
    const now = stampOf(absOf(root, paths[id]))
    if (now === null || !now.isFile) continue
    if (isSameStamp({ size: stamps[id * 3], mtimeMs: stamps[id * 3 + 1], ctimeMs: stamps[id * 3 + 2] }, now)) valid[id - from] = 1
    else changed.push(paths[id])
  }
  return valid
}
