import fs from 'node:fs'
import path from 'node:path'
import { emptyStamp, lstatStamp, readsThroughBinding, stampReader, type LstatStamp, type StampRead } from '../../../../src/core/index/stamp-read'
import { makeTempDir, removeTempDir } from '../corpus'

// The saved search index checks 50,000 files by their stamps through Node's fs binding where that is proven to be
// fs.lstatSync's own (see stamp-read): its answers must be fs.lstatSync's to the last bit, or a changed file could
// pass for unchanged.
let dir = ''
beforeAll(() => {
  dir = makeTempDir('folio-stamp-read-')
})
afterAll(() => removeTempDir(dir))

/** What `read` fills in for `abs`, or null. */
function stampOf(read: StampRead, abs: string): LstatStamp | null {
  const into = emptyStamp()
  return read(abs, into) ? into : null
}

it('gives what fs.lstatSync gives for files, folders, links, missing paths and paths through a file, to the nanosecond', () => {
  const probe = path.join(dir, 'index.bin')
  fs.writeFileSync(probe, 'probe')
  const file = path.join(dir, 'a.md')
  fs.writeFileSync(file, 'x'.repeat(1234))
  const odd = path.join(dir, 'odd.md')
  fs.writeFileSync(odd, '')
  // NOTE: times that are no whole millisecond (or are before 1970), so the milliseconds are made from nanoseconds.
  fs.utimesSync(odd, 1_700_000_000.123457, -12.3456789)
  fs.mkdirSync(path.join(dir, 'sub'))
  const paths = [probe, file, odd, path.join(dir, 'sub'), dir, path.join(dir, 'missing.md'), path.join(file, 'below.md')]
  if (process.platform !== 'win32') {
    fs.symlinkSync(file, path.join(dir, 'link.md'))
    paths.push(path.join(dir, 'link.md'))
  }
  const fast = stampReader(probe)
  const read = (abs: string): LstatStamp | null => stampOf(fast, abs)
  const slow = (abs: string): LstatStamp | null => stampOf(lstatStamp, abs)
  // NOTE: Node 20-24 on Linux and macOS: the fast way is taken (else this test would compare lstatSync with itself).
  if (process.platform !== 'win32') expect(readsThroughBinding(probe)).toBe(true)
  for (const p of paths) expect(read(p), p).toEqual(slow(p))
  expect(read(file)).toEqual({ isFile: true, isFolder: false, size: 1234, mtimeMs: fs.lstatSync(file).mtimeMs, ctimeMs: fs.lstatSync(file).ctimeMs })
  expect(read(path.join(dir, 'missing.md'))).toBeNull()
  expect(read(path.join(dir, 'sub'))).toMatchObject({ isFile: false, isFolder: true })
  fs.appendFileSync(file, 'more')
  expect(read(file)).toEqual(slow(file))
  expect(read(file)?.size).toBe(1238)
})

it('keeps to fs.lstatSync where asking Node for its binding would print a deprecation warning (--pending-deprecation)', async () => {
  vi.stubEnv('NODE_OPTIONS', `${process.env.NODE_OPTIONS ?? ''} --pending-deprecation`)
  vi.resetModules()
  const fresh = await import('../../../../src/core/index/stamp-read')
  const probe = path.join(dir, 'probe-pending.bin')
  fs.writeFileSync(probe, 'probe')
  expect(fresh.readsThroughBinding(probe)).toBe(false)
  const into = fresh.emptyStamp()
  expect(fresh.stampReader(probe)(probe, into)).toBe(true)
  expect(into.size).toBe(5)
})
