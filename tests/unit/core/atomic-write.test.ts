import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomic, tempPrefix } from '../../../src/core/atomic-write'
import { nodeFs } from '../../../src/core/fs-port'
import { withFaults } from '../../support/fault-fs'
import { makeTempDir, removeTempDir } from './corpus'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
let dir = ''
let file = ''
beforeEach(() => {
  dir = makeTempDir()
  file = path.join(dir, 'a.md')
  fs.writeFileSync(file, 'old content\n')
})
afterEach(() => removeTempDir(dir))

const leftovers = (): string[] => fs.readdirSync(dir).filter((n) => n.startsWith(tempPrefix))
const fast = { retryDelayMs: 1 }

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    expect(await writeFileAtomic(file, enc('new\n'))).toEqual({ ok: true, value: undefined })
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n')
    expect(leftovers()).toEqual([])
  })

  it('creates a new file', async () => {
    const fresh = path.join(dir, 'fresh.md')
    expect((await writeFileAtomic(fresh, enc('x'))).ok).toBe(true)
    expect(fs.readFileSync(fresh, 'utf8')).toBe('x')
  })

  it('keeps the mode of the existing file', async () => {
    fs.chmodSync(file, 0o640)
    await writeFileAtomic(file, enc('new'))
    expect(fs.statSync(file).mode & 0o777).toBe(0o640)
  })

  it.skipIf(process.getuid?.() !== 0)('keeps the owner of the existing file (when running as root)', async () => {
    fs.chownSync(file, 1234, 2345)
    expect((await writeFileAtomic(file, enc('new'))).ok).toBe(true)
    expect(fs.statSync(file)).toMatchObject({ uid: 1234, gid: 2345 })
  })

  it.skipIf(process.getuid?.() !== 0)('a refused chown does not fail the save', async () => {
    fs.chownSync(file, 1234, 2345)
    const port = withFaults(nodeFs, [{ op: 'chown', code: 'EPERM' }])
    expect((await writeFileAtomic(file, enc('new'), { fs: port })).ok).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe('new')
  })

  it('writes through a symlink so the link survives', async () => {
    const link = path.join(dir, 'link.md')
    fs.symlinkSync('a.md', link)
    expect((await writeFileAtomic(link, enc('via link'))).ok).toBe(true)
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe('via link')
  })

  it('fsyncs the temp file before renaming and the folder after', async () => {
    const port = withFaults(nodeFs, [])
    await writeFileAtomic(file, enc('new'), { fs: port })
    const ops = port.calls.map((c) => c.op)
    expect(ops.indexOf('fsync')).toBeLessThan(ops.indexOf('rename'))
    if (process.platform !== 'win32') expect(port.calls.at(-2)).toEqual({ op: 'fsync', path: dir })
  })

  it.each([
    ['write', 'ENOSPC', 'NO_SPACE', /disk is full/],
    ['open', 'EACCES', 'PERMISSION', /permission denied/],
    ['open', 'EROFS', 'READ_ONLY', /read-only/],
    ['fsync', 'EIO', 'IO', /input\/output/],
    ['open', 'ENAMETOOLONG', 'INVALID_PATH', /too long/],
  ] as const)('on %s %s: %s, original intact, temp removed', async (op, code, expected, message) => {
    const port = withFaults(nodeFs, [{ op, code, path: (p) => path.basename(p).startsWith(tempPrefix) }])
    const result = await writeFileAtomic(file, enc('new'), { fs: port, displayPath: 'a.md', ...fast })
    expect(result).toMatchObject({ ok: false, error: { code: expected, path: 'a.md' } })
    if (!result.ok) expect(result.error.message).toMatch(message)
    if (!result.ok) expect(result.error.message).toContain('"a.md"')
    expect(fs.readFileSync(file, 'utf8')).toBe('old content\n')
    expect(leftovers()).toEqual([])
  })

  it('a crash between temp write and rename leaves the original intact', async () => {
    // The "crash": rename never happens and nothing cleans up afterwards.
    const port = withFaults(nodeFs, [{ op: 'rename', code: 'EIO' }, { op: 'unlink', code: 'EIO' }])
    const result = await writeFileAtomic(file, enc('new'), { fs: port, ...fast })
    expect(result.ok).toBe(false)
    expect(fs.readFileSync(file, 'utf8')).toBe('old content\n')
    const [temp] = leftovers()
    expect(fs.readFileSync(path.join(dir, temp), 'utf8')).toBe('new')
  })

  it('retries a rename refused by a Windows-style lock, then succeeds', async () => {
    const port = withFaults(nodeFs, [{ op: 'rename', code: 'EBUSY', times: 2 }, { op: 'rename', code: 'EPERM', times: 1 }])
    expect((await writeFileAtomic(file, enc('new'), { fs: port, ...fast })).ok).toBe(true)
    expect(port.calls.filter((c) => c.op === 'rename')).toHaveLength(4)
    expect(fs.readFileSync(file, 'utf8')).toBe('new')
  })

  it('gives up after the retries with BUSY and removes the temp file', async () => {
    const port = withFaults(nodeFs, [{ op: 'rename', code: 'EBUSY' }])
    const result = await writeFileAtomic(file, enc('new'), { fs: port, renameRetries: 2, ...fast })
    expect(result).toMatchObject({ ok: false, error: { code: 'BUSY' } })
    expect(port.calls.filter((c) => c.op === 'rename')).toHaveLength(3)
    expect(leftovers()).toEqual([])
    expect(fs.readFileSync(file, 'utf8')).toBe('old content\n')
  })

  it('does not fail the save when the folder fsync is refused', async () => {
    const port = withFaults(nodeFs, [{ op: 'fsync', code: 'EINVAL', path: dir }])
    expect((await writeFileAtomic(file, enc('new'), { fs: port })).ok).toBe(true)
  })
})
