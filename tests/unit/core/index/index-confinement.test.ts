import fs from 'node:fs'
import path from 'node:path'
import { readForSummary, readIndexedText } from '../../../../src/core/index/shard-files'
import { isProvenInside, openForIndexSync } from '../../../../src/core/store/sync-open'
import { startLinkSwapper } from '../../../support/link-swapper'
import { makeTempDir, removeTempDir } from '../corpus'

// The index reads with the store's proof (issue #16): O_NOFOLLOW stops a link at the file itself, but a parent folder
// swapped for a link between listing and read is only caught by proving, after opening, where the fd really is.
// A separate process keeps swapping `sub` between the real folder and a link to an outside folder holding a file of
// the same name; the index's readers must never return the outside text.
const attempts = 2000
let dir = ''
let site = ''
let outside = ''

beforeAll(() => {
  dir = makeTempDir('folio-index-race-')
  site = path.join(dir, 'site')
  outside = path.join(dir, 'outside')
  fs.mkdirSync(path.join(site, 'sub'), { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(site, 'sub', 'a.md'), '---\ntitle: INSIDE\n---\ninside\n')
  fs.writeFileSync(path.join(outside, 'a.md'), '---\ntitle: SECRET\n---\nsecret\n')
})
afterAll(() => removeTempDir(dir))

async function underSwaps(read: () => string): Promise<Set<string>> {
  const seen = new Set<string>()
  const swapper = await startLinkSwapper('folder', path.join(site, 'sub'), path.join(site, 'parked'), outside)
  try {
    for (let i = 0; i < attempts; i += 1) {
      seen.add(read())
      // NOTE: a turn of the event loop now and then, so the swapper's process gets the CPU on a busy machine too.
      if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    await swapper.stop()
    // NOTE: the swapper was stopped mid-swap: put the real folder back for the next test.
    if (fs.existsSync(path.join(site, 'parked'))) {
      fs.rmSync(path.join(site, 'sub'), { force: true })
      fs.renameSync(path.join(site, 'parked'), path.join(site, 'sub'))
    }
  }
  return seen
}

const textOf = (read: { kind: string; text?: string }): string => (read.kind === 'text' ? (read.text?.includes('SECRET') ? 'SECRET' : 'INSIDE') : read.kind)
const abs = (): string => path.join(site, 'sub', 'a.md')

describe.runIf(process.platform !== 'win32')('the index never reads outside while a parent folder is swapped for a link', () => {
  it('summary and full-text reads return the inside file or nothing, never the outside one', async () => {
    const seen = await underSwaps(() => textOf(readForSummary(abs(), site)) + '|' + textOf(readIndexedText(abs(), site)))
    const parts = new Set([...seen].flatMap((s) => s.split('|')))
    expect(parts.has('SECRET')).toBe(false)
    // NOTE: the race was met (some reads found the link), and with the folder back the file reads again.
    expect([...parts].some((part) => part !== 'INSIDE')).toBe(true)
    expect(textOf(readIndexedText(abs(), site))).toBe('INSIDE')
  }, 60_000)

  it.runIf(process.platform === 'linux')('the proc proof opens nothing outside', async () => {
    const seen = await underSwaps(() => {
      const opened = openForIndexSync(abs(), site, 'proc')
      if (opened.kind !== 'open') return opened.kind
      try {
        return fs.readFileSync(opened.fd, 'utf8').includes('SECRET') ? 'SECRET' : 'INSIDE'
      } finally {
        fs.closeSync(opened.fd)
      }
    })
    expect(seen.has('SECRET')).toBe(false)
    expect([...seen].some((kind) => kind !== 'INSIDE')).toBe(true)
    const after = openForIndexSync(abs(), site, 'proc')
    if (after.kind === 'open') fs.closeSync(after.fd)
    expect(after.kind).toBe('open')
  }, 60_000)

  // NOTE: the real-path proof (macOS, Windows: Node has no openat nor F_GETPATH) has a known gap: a folder swapped to a
  // link and back twice between its calls passes (a racing loop met it once in a few runs on a busy machine, so a
  // racing test of it cannot be kept green honestly). What it does catch is shown step by step instead: an fd opened
  // through a swapped parent is refused whether the link is still there or the folder is back.
  it('the realpath proof refuses an fd opened through a parent swapped for a link, link still there or folder back', () => {
    const sub = path.join(site, 'sub')
    const parked = path.join(site, 'parked')
    const inside = openForIndexSync(abs(), site, 'realpath')
    expect(inside.kind).toBe('open')
    if (inside.kind === 'open') fs.closeSync(inside.fd)
    fs.renameSync(sub, parked)
    fs.symlinkSync(outside, sub, 'dir')
    const fd = fs.openSync(abs(), 'r')
    try {
      expect(fs.readFileSync(fd, 'utf8')).toContain('SECRET')
      const stats = fs.fstatSync(fd)
      expect(isProvenInside(fd, stats, abs(), site, { proof: 'realpath' })).toBe(false)
      fs.rmSync(sub)
      fs.renameSync(parked, sub)
      expect(isProvenInside(fd, stats, abs(), site, { proof: 'realpath' })).toBe(false)
    } finally {
      fs.closeSync(fd)
      if (fs.existsSync(parked)) {
        fs.rmSync(sub, { force: true })
        fs.renameSync(parked, sub)
      }
    }
    expect(openForIndexSync(abs(), site, 'realpath').kind).toBe('open')
  })
})
