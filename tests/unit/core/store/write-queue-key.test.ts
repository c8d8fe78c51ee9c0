import fs from 'node:fs'
import path from 'node:path'
import { tempPrefix } from '../../../../src/core/atomic-write'
import { nodeFs } from '../../../../src/core/fs-port'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { withFaults } from '../../../support/fault-fs'
import { writeQueueKey } from '../../../../src/core/store/write-queue'
import { makeTempDir, removeTempDir } from '../corpus'

// Two names for one file must share one write queue, or two saves through them both report "saved" and one is lost
// (issue #16). An existing file is keyed by dev:ino; a file not made yet by its real path, folded as the platform's
// folders compare names. The platform is injected, so the Windows and macOS rules are tested on any machine.
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('writeQueueKey: a new file spelled two ways', () => {
  it('is one key on Windows for case variants, either separator, and trailing dots or spaces', () => {
    const key = writeQueueKey(null, 'C:\\Users\\Ann\\Site\\Posts\\Trip.md', 'win32')
    expect(writeQueueKey(null, 'c:\\users\\ann\\site\\posts\\TRIP.MD', 'win32')).toBe(key)
    expect(writeQueueKey(null, 'C:/Users/Ann/Site/Posts/Trip.md', 'win32')).toBe(key)
    expect(writeQueueKey(null, 'C:\\Users\\Ann\\Site\\Posts.\\Trip.md. ', 'win32')).toBe(key)
    expect(writeQueueKey(null, 'C:\\Users\\Ann\\Site\\Posts\\Trip2.md', 'win32')).not.toBe(key)
    expect(writeQueueKey(null, '\\\\server\\share\\Site\\A.md', 'win32')).toBe(writeQueueKey(null, '\\\\SERVER\\Share\\site\\a.md', 'win32'))
  })

  it('is one key on macOS for case variants and for composed or decomposed accents', () => {
    const composed = '/Users/ann/Site/caf\u00e9.md'
    const decomposed = '/Users/ann/Site/cafe\u0301.md'
    expect(writeQueueKey(null, decomposed, 'darwin')).toBe(writeQueueKey(null, composed, 'darwin'))
    expect(writeQueueKey(null, '/users/ANN/site/CAF\u00c9.MD', 'darwin')).toBe(writeQueueKey(null, composed, 'darwin'))
    expect(writeQueueKey(null, '/Users/ann/Site/cafe.md', 'darwin')).not.toBe(writeQueueKey(null, composed, 'darwin'))
  })

  it('keeps case and accents apart on Linux, where they are different files', () => {
    expect(writeQueueKey(null, '/home/ann/site/A.md', 'linux')).not.toBe(writeQueueKey(null, '/home/ann/site/a.md', 'linux'))
    expect(writeQueueKey(null, '/home/ann/site/caf\u00e9.md', 'linux')).not.toBe(writeQueueKey(null, '/home/ann/site/cafe\u0301.md', 'linux'))
  })

  it('is the inode for an existing file, whatever the name or platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(writeQueueKey({ dev: 5, ino: 42 }, '/a/One.md', platform)).toBe(writeQueueKey({ dev: 5, ino: 42 }, '/b/other.md', platform))
      expect(writeQueueKey({ dev: 5, ino: 42 }, '/a/One.md', platform)).not.toBe(writeQueueKey({ dev: 6, ino: 42 }, '/a/One.md', platform))
    }
  })
})

describe.runIf(process.platform !== 'win32')('NodeArticleStore: two names of one file share a queue', () => {
  let site = ''
  beforeEach(() => {
    site = makeTempDir('folio-names-')
    fs.writeFileSync(path.join(site, 'real.md'), 'INSIDE')
  })
  afterEach(() => removeTempDir(site))

  async function open(): Promise<NodeArticleStore> {
    const opened = await NodeArticleStore.open(site, { retryDelayMs: 1 })
    if (!opened.ok) throw new Error(opened.error.message)
    return opened.value
  }

  it('serialises saves through a symbolic link into a subfolder and the real name: one saves, the other is a CONFLICT', async () => {
    fs.mkdirSync(path.join(site, 'sub'))
    fs.symlinkSync('../real.md', path.join(site, 'sub', 'alias.md'))
    const store = await open()
    const base = await store.read('real.md')
    if (!base.ok) throw new Error(base.error.message)
    const results = await Promise.all([
      store.write('sub/alias.md', bytes('from alias'), { baseHash: base.value.version.hash }),
      store.write('real.md', bytes('from real'), { baseHash: base.value.version.hash }),
    ])
    // NOTE: which name wins the queue depends on how fast each name is resolved; exactly one must.
    const winner = results.findIndex((r) => r.ok)
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok'])
    expect(fs.readFileSync(path.join(site, 'real.md'), 'utf8')).toBe(winner === 0 ? 'from alias' : 'from real')
    expect(fs.lstatSync(path.join(site, 'sub', 'alias.md')).isSymbolicLink()).toBe(true)
  })

  it('loses neither of two saves through two hard links: the atomic replace gives each name its own file', async () => {
    fs.linkSync(path.join(site, 'real.md'), path.join(site, 'hard.md'))
    const store = await open()
    const base = await store.read('real.md')
    if (!base.ok) throw new Error(base.error.message)
    const results = await Promise.all([
      store.write('real.md', bytes('from real'), { baseHash: base.value.version.hash }),
      store.write('hard.md', bytes('from hard'), { baseHash: base.value.version.hash }),
    ])
    // NOTE: both names start as one inode, so the saves share its queue; the first rename gives its name a new
    // inode, and the other name still holds the bytes its writer started from, so its save is no conflict.
    // Both reported "saved" and both are on disk: nothing was lost.
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(fs.readFileSync(path.join(site, 'real.md'), 'utf8')).toBe('from real')
    expect(fs.readFileSync(path.join(site, 'hard.md'), 'utf8')).toBe('from hard')
  })

  it('serialises two creations of one new file spelled with a different case when the platform folds case (injected)', async () => {
    // NOTE: this file system is case-sensitive, so the two spellings are made as two files; what is shown is that
    // the store, told it runs on macOS, ran them one after the other: the second temp file is made only after the
    // first creation linked its file into place.
    const port = withFaults(nodeFs, [])
    const opened = await NodeArticleStore.open(site, { retryDelayMs: 1, platform: 'darwin', fs: port })
    if (!opened.ok) throw new Error(opened.error.message)
    const [one, two] = await Promise.all([opened.value.create('New.md', bytes('one')), opened.value.create('new.md', bytes('two'))])
    expect(one.ok && two.ok).toBe(true)
    const steps = port.calls.filter((c) => c.op === 'link' || (c.op === 'open' && path.basename(c.path).startsWith(tempPrefix))).map((c) => c.op)
    expect(steps).toEqual(['open', 'link', 'open', 'link'])
  })
})
