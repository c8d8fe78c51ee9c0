import fs from 'node:fs'

/**
 * An index worker that stops on chosen files until the test lets it go, so a test can hold the index mid-build and
 * ask the host questions meanwhile: opening a file named `gate-*.md` first writes `<FOLIO_TEST_GATE>.reached`, then
 * blocks this worker thread on opening the FIFO at FOLIO_TEST_GATE until the test writes to it (once: the gate then
 * stays open). Everything else is the real worker.
 */
const gate = process.env.FOLIO_TEST_GATE
const realOpen = fs.openSync
let isOpen = false
const patched = (file: fs.PathLike, ...rest: unknown[]): number => {
  const name = String(file).split(/[\\/]/).pop() ?? ''
  if (gate !== undefined && !isOpen && name.startsWith('gate-')) {
    isOpen = true
    fs.writeFileSync(`${gate}.reached`, name)
    const fd = realOpen(gate, 'r')
    fs.readFileSync(fd)
    fs.closeSync(fd)
  }
  return (realOpen as (...args: unknown[]) => number)(file, ...rest)
}
fs.openSync = patched

await import('../../src/core/index/index-worker')
