import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { scanArticles } from '../../../../src/core/index/folder-scan'
import { readFolder, type ScanRead } from '../../../../src/core/index/scan-read'
import { closeFolder, isFolderStillInside, openFolderForIndexSync, openInFolderSync } from '../../../../src/core/store/folder-open'
import { startLinkSwapper } from '../../../support/link-swapper'
import { makeTempDir, removeTempDir } from '../corpus'

// The one-off scan proves each folder once and opens its files relative to it (Linux, issue #22): a folder (or a
// folder above it) swapped for a link to an outside folder holding files of the same names must never give their
// text, whether swapped before the folder is opened, while its files are read, or all the time (racing).
let dir = ''
let site = ''
let outside = ''
const settings = { limit: 20, withTitles: true }

beforeAll(() => {
  dir = makeTempDir('folio-folder-proof-')
  site = path.join(dir, 'site')
  outside = path.join(dir, 'outside')
  for (const base of [site, outside]) {
    fs.mkdirSync(path.join(base, 'sub'), { recursive: true })
    fs.mkdirSync(path.join(base, 'deep', 'sub'), { recursive: true })
  }
  for (const rel of ['sub/a.md', 'deep/sub/a.md']) {
    fs.writeFileSync(path.join(site, rel), '---\ntitle: INSIDE\n---\ninsideword\n')
    fs.writeFileSync(path.join(outside, rel), '---\ntitle: SECRET\n---\nsecretword\n')
  }
  fs.writeFileSync(path.join(outside, 'sub', 'b.md'), 'secretword\n')
})
afterAll(() => removeTempDir(dir))

/** What readFolder gave for the files of `folder` (its second proof false: 'dropped'). */
function readAll(folder: string, names: string[], useFolderProof = true): string[] {
  const seen: string[] = []
  const rels = names.map((name) => `${folder}/${name}`)
  const isProven = readFolder(site, folder, rels, 0, rels.length, (_rel: string, read: ScanRead) => {
    seen.push(read.kind === 'bytes' ? (read.bytes.includes('SECRET') ? 'SECRET' : 'INSIDE') : read.kind)
    return true
  }, { useFolderProof })
  return isProven ? seen : ['dropped']
}

function swapForLink(rel: string, to: string): () => void {
  const at = path.join(site, rel)
  fs.renameSync(at, `${at}.parked`)
  fs.symlinkSync(to, at, 'dir')
  return () => {
    fs.unlinkSync(at)
    fs.renameSync(`${at}.parked`, at)
  }
}

describe.runIf(process.platform === 'linux')('the folder proof (Linux)', () => {
  it('opens the root and its folders, and a file in them only when it is a regular file and no link', () => {
    const root = openFolderForIndexSync(site, site)
    const sub = openFolderForIndexSync(path.join(site, 'sub'), site)
    expect(root.kind).toBe('open')
    expect(sub.kind).toBe('open')
    if (sub.kind !== 'open' || root.kind !== 'open') return
    // NOTE: each thread's own /proc entries where the kernel has them (two scan threads then share none; see folder-open).
    expect(sub.prefix).toBe(fs.existsSync('/proc/thread-self/fd') ? `/proc/thread-self/fd/${sub.fd}/` : `/proc/self/fd/${sub.fd}/`)
    try {
      fs.symlinkSync(path.join(outside, 'sub', 'b.md'), path.join(site, 'sub', 'link.md'))
      execFileSync('mkfifo', [path.join(site, 'sub', 'pipe.md')])
      const opened = openInFolderSync(sub, 'a.md')
      expect(opened.kind).toBe('open')
      if (opened.kind === 'open') fs.closeSync(opened.fd)
      expect(openInFolderSync(sub, 'link.md').kind).toBe('skipped')
      expect(openInFolderSync(sub, 'pipe.md').kind).toBe('skipped')
      expect(openInFolderSync(sub, 'gone.md').kind).toBe('missing')
      expect(openInFolderSync(root, 'sub/a.md').kind).toBe('skipped')
      expect(openInFolderSync(root, '..').kind).toBe('skipped')
      expect(isFolderStillInside(sub)).toBe(true)
    } finally {
      closeFolder(sub)
      closeFolder(root)
      fs.rmSync(path.join(site, 'sub', 'link.md'))
      fs.rmSync(path.join(site, 'sub', 'pipe.md'))
    }
  })

  it('refuses a folder swapped for a link, or reached through a folder swapped for one, before it is opened', () => {
    const restore = swapForLink('sub', path.join(outside, 'sub'))
    try {
      expect(openFolderForIndexSync(path.join(site, 'sub'), site).kind).toBe('none')
      expect(readAll('sub', ['a.md', 'b.md'])).toEqual(['none', 'none'])
    } finally {
      restore()
    }
    const restoreDeep = swapForLink('deep', path.join(outside, 'deep'))
    try {
      expect(openFolderForIndexSync(path.join(site, 'deep', 'sub'), site).kind).toBe('none')
      expect(readAll('deep/sub', ['a.md'])).toEqual(['none'])
    } finally {
      restoreDeep()
    }
    expect(readAll('deep/sub', ['a.md'])).toEqual(['INSIDE'])
  })

  it('drops what it read from a folder moved out of the root while its files were read', async () => {
    const moved = path.join(outside, 'moved')
    const realRead = fs.readSync
    let isMoved = false
    const spy = vi.spyOn(fs, 'readSync').mockImplementation((...args: unknown[]) => {
      if (!isMoved) {
        isMoved = true
        fs.renameSync(path.join(site, 'sub'), moved)
      }
      return (realRead as (...a: unknown[]) => number)(...args)
    })
    try {
      const found = await scanArticles(site, ['sub/a.md'], ['insideword'], settings)
      expect(isMoved).toBe(true)
      expect(found.total).toBe(0)
      expect(found.hits).toEqual([])
    } finally {
      spy.mockRestore()
      if (isMoved) fs.renameSync(moved, path.join(site, 'sub'))
    }
    const again = await scanArticles(site, ['sub/a.md'], ['insideword'], settings)
    expect(again.total).toBe(1)
  })

  it('never gives an outside text while a folder, or one above it, keeps being swapped for a link (racing)', async () => {
    for (const [swapped, folder] of [['sub', 'sub'], ['deep', 'deep/sub']]) {
      const seen = new Set<string>()
      const swapper = await startLinkSwapper('folder', path.join(site, swapped), path.join(site, `${swapped}.parked`), path.join(outside, swapped))
      try {
        // NOTE: at least 1,000 reads, and on until the race was met (the swapper may get little CPU on a busy machine).
        for (let i = 0; i < 1000 || (seen.size < 2 && i < 50_000); i += 1) {
          for (const kind of readAll(folder, ['a.md'])) seen.add(kind)
          if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
      } finally {
        await swapper.stop()
        if (fs.existsSync(path.join(site, `${swapped}.parked`))) {
          fs.rmSync(path.join(site, swapped), { force: true })
          fs.renameSync(path.join(site, `${swapped}.parked`), path.join(site, swapped))
        }
      }
      expect(seen.has('SECRET')).toBe(false)
      expect([...seen].some((kind) => kind !== 'INSIDE')).toBe(true)
    }
  }, 60_000)
})

describe('the per-file proof path of readFolder (macOS, Windows)', () => {
  it('reads each file with its own proof and refuses a file reached through a folder swapped for a link', () => {
    expect(readAll('sub', ['a.md'], false)).toEqual(['INSIDE'])
    if (process.platform === 'win32') return
    const restore = swapForLink('sub', path.join(outside, 'sub'))
    try {
      expect(readAll('sub', ['a.md', 'b.md'], false)).toEqual(['none', 'none'])
    } finally {
      restore()
    }
  })
})
