import fs from 'node:fs'

/**
 * An index worker that misbehaves on chosen files, for the shard-restart tests: opening a file named `stall-*.md`
 * blocks the thread (as a FIFO's open does; it first writes the file FOLIO_TEST_STALL_MARK names, if set) and opening
 * `crash-*.md` ends the thread (as running out of memory does). Everything else is the real worker.
 */
const realOpen = fs.openSync
const patched = (file: fs.PathLike, ...rest: unknown[]): number => {
  const name = String(file).split(/[\\/]/).pop() ?? ''
  if (name.startsWith('stall-')) {
    // NOTE: the test learns that the worker is stuck from this file (FOLIO_TEST_STALL_MARK), then moves the watchdog's
    // fake clock past the budget instead of waiting it out.
    const mark = process.env.FOLIO_TEST_STALL_MARK
    if (mark !== undefined) fs.writeFileSync(mark, name)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  }
  if (name.startsWith('crash-')) process.exit(7)
  return (realOpen as (...args: unknown[]) => number)(file, ...rest)
}
fs.openSync = patched

await import('../../src/core/index/index-worker')
