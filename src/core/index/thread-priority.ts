import fs from 'node:fs'
import os from 'node:os'

/** The nice value index threads run at: below the app's own threads, which stay at 0. */
const backgroundNice = 10

/**
 * Lowers the scheduling priority of the calling thread (Linux, where nice is per thread), so indexing a large
 * folder yields the CPU to the window and the server on a busy machine. Best effort: elsewhere, or when refused,
 * nothing changes. Returns true when lowered.
 */
export function lowerThreadPriority(): boolean {
  if (process.platform !== 'linux') return false
  try {
    // NOTE: /proc/thread-self is this thread's task entry, "<pid>/task/<tid>"; setpriority on a tid is per thread.
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return false
    os.setPriority(tid, backgroundNice)
    return true
  } catch {
    // NOTE: no /proc (some containers) or a refusal: indexing runs at normal priority.
    return false
  }
}
