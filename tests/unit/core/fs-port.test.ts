import fs from 'node:fs'
import path from 'node:path'
import { nodeFs } from '../../../src/core/fs-port'
import { makeTempDir, removeTempDir } from './corpus'

// The real port runs its metadata steps and small reads and writes on the calling thread and the rest on the thread
// pool (see nodeFs). Both kinds must behave as the promise API did: failures as rejections, every byte written and
// read whatever the size, and a handle that never touches its descriptor number once closed (the number may name
// another file by then).

let dir = ''
beforeEach(() => {
  dir = makeTempDir('folio-fs-port-')
})
afterEach(() => removeTempDir(dir))

const bytesOf = (size: number, seed: number): Uint8Array => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251)

describe('nodeFs', () => {
  it('reports a failed step as a rejection with the errno code, never as a throw', async () => {
    const missing = path.join(dir, 'missing.md')
    for (const step of [() => nodeFs.lstat(missing), () => nodeFs.stat(missing), () => nodeFs.realpath(missing), () => nodeFs.readlink(missing), () => nodeFs.open(missing, 'r'), () => nodeFs.rename(missing, path.join(dir, 'b')), () => nodeFs.unlink(missing)]) {
      let pending: Promise<unknown> | undefined
      expect(() => {
        pending = step()
      }).not.toThrow()
      await expect(pending).rejects.toMatchObject({ code: 'ENOENT' })
    }
  })

  it.each([
    ['small (on the calling thread)', 4_000],
    ['large (on the thread pool)', 300_000],
  ])('writes and reads back every byte of a %s file', async (_, size) => {
    const file = path.join(dir, 'a.bin')
    const data = bytesOf(size, 7)
    const out = await nodeFs.open(file, 'wx', 0o644)
    await out.write(data)
    await out.sync()
    expect((await out.stat()).size).toBe(size)
    await out.close()
    expect(Buffer.from(fs.readFileSync(file)).equals(data)).toBe(true)
    const handle = await nodeFs.open(file, 'r')
    const back = new Uint8Array(size + 10)
    let filled = 0
    for (let n = -1; n !== 0; filled += n) n = await handle.read(back, filled, back.byteLength - filled, filled)
    await handle.close()
    expect(filled).toBe(size)
    expect(Buffer.from(back.subarray(0, filled)).equals(data)).toBe(true)
  })

  it('refuses every step on a closed handle, so a descriptor number reused by another file is never touched', async () => {
    const file = path.join(dir, 'a.md')
    fs.writeFileSync(file, 'mine')
    const handle = await nodeFs.open(file, 'r')
    await handle.close()
    const other = path.join(dir, 'other.md')
    fs.writeFileSync(other, 'OTHER')
    const reused = fs.openSync(other, 'r+')
    try {
      const steps: [string, () => Promise<unknown>][] = [
        ['read', () => handle.read(new Uint8Array(4), 0, 4, 0)],
        ['write', () => handle.write(new TextEncoder().encode('x'))],
        ['stat', () => handle.stat()],
        ['chmod', () => handle.chmod(0o600)],
        ['sync', () => handle.sync()],
        ['close', () => handle.close()],
      ]
      for (const [name, step] of steps) await expect(step(), name).rejects.toMatchObject({ code: 'EBADF' })
      // NOTE: the other file's descriptor is still open and its bytes untouched, whatever number it got.
      expect(fs.readFileSync(reused, 'utf8')).toBe('OTHER')
      expect(fs.fstatSync(reused).mode & 0o777).toBe(fs.statSync(other).mode & 0o777)
    } finally {
      fs.closeSync(reused)
    }
  })

  it('closes only after the thread-pool steps still running on the handle have ended', async () => {
    const file = path.join(dir, 'big.bin')
    const data = bytesOf(600_000, 3)
    const out = await nodeFs.open(file, 'wx')
    const writing = out.write(data)
    const synced = out.sync()
    await out.close()
    await expect(Promise.all([writing, synced])).resolves.toBeDefined()
    expect(Buffer.from(fs.readFileSync(file)).equals(data)).toBe(true)
  })
})
