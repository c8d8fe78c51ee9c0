import fs from 'node:fs'
import path from 'node:path'
import { tempPrefix } from '../../../src/core/atomic-write'
import { FolderSession } from '../../../src/core/folder-session'
import { nodeFs, type FsPort } from '../../../src/core/fs-port'
import { withFaults } from '../../support/fault-fs'
import { makeTempDir, removeTempDir } from './corpus'

const original = '---\r\ntitle: "A"\r\n---\r\nbody\r\n'
let dir = ''
const file = (): string => path.join(dir, 'posts', 'a.md')
beforeEach(() => {
  dir = makeTempDir()
  fs.mkdirSync(path.join(dir, 'posts'))
  fs.writeFileSync(file(), original)
  fs.chmodSync(file(), 0o640)
})
afterEach(() => removeTempDir(dir))

const leftovers = (): string[] => fs.readdirSync(path.join(dir, 'posts')).filter((n) => n.startsWith(tempPrefix))

async function saveWith(port: FsPort, text = '---\ntitle: "A"\n---\nnew body\n') {
  const opened = await FolderSession.open(dir, { fs: port, retryDelayMs: 1 })
  if (!opened.ok) throw new Error(opened.error.message)
  const doc = await opened.value.readArticle('posts/a.md')
  if (!doc.ok) throw new Error(doc.error.message)
  const result = await opened.value.writeArticle({ path: 'posts/a.md', text, format: doc.value.format, baseVersion: doc.value.version })
  await opened.value.dispose()
  return result
}

describe('save faults through the fs port: a named, explained failure, the original intact, no temp file left', () => {
  it.each([
    ['ENOSPC on write', { op: 'write', code: 'ENOSPC' }, 'NO_SPACE', 'the disk is full'],
    ['ENOSPC on fsync', { op: 'fsync', code: 'ENOSPC', path: (p: string) => p.includes(tempPrefix) }, 'NO_SPACE', 'the disk is full'],
    ['EACCES creating the temp file', { op: 'open', code: 'EACCES', path: (p: string) => p.includes(tempPrefix) }, 'PERMISSION', 'permission denied'],
    ['EROFS creating the temp file', { op: 'open', code: 'EROFS', path: (p: string) => p.includes(tempPrefix) }, 'READ_ONLY', 'read-only'],
    ['ENAMETOOLONG', { op: 'open', code: 'ENAMETOOLONG', path: (p: string) => p.includes(tempPrefix) }, 'INVALID_PATH', 'too long'],
    ['EIO on the rename', { op: 'rename', code: 'EIO' }, 'IO', 'input/output'],
  ] as const)('%s', async (_name, fault, code, cause) => {
    const result = await saveWith(withFaults(nodeFs, [fault]))
    expect(result).toMatchObject({ ok: false, error: { code, path: 'posts/a.md' } })
    if (!result.ok) expect(result.error.message).toContain(cause)
    expect(fs.readFileSync(file(), 'utf8')).toBe(original)
    expect(leftovers()).toEqual([])
  })

  it('a successful save keeps the mode and the CRLF line endings', async () => {
    expect(await saveWith(nodeFs)).toMatchObject({ ok: true, value: { written: true } })
    expect(fs.readFileSync(file(), 'utf8')).toBe('---\r\ntitle: "A"\r\n---\r\nnew body\r\n')
    expect(fs.statSync(file()).mode & 0o777).toBe(0o640)
    expect(leftovers()).toEqual([])
  })

  it('a crash between the temp write and the rename leaves the original intact', async () => {
    // The "crash": the rename never happens and the cleanup fails too, as if the process had died.
    const result = await saveWith(withFaults(nodeFs, [{ op: 'rename', code: 'EIO' }, { op: 'unlink', code: 'EIO' }]))
    expect(result.ok).toBe(false)
    expect(fs.readFileSync(file(), 'utf8')).toBe(original)
  })

  it('another program writing the file while the save is under way: CONFLICT and its bytes stay', async () => {
    const theirs = 'written by another program\n'
    const base = withFaults(nodeFs, [])
    // NOTE: the outside write lands after the version check, while the temp file is being fsynced.
    const port: FsPort = {
      ...base,
      async open(p, flags, mode) {
        const handle = await base.open(p, flags, mode)
        if (!p.includes(tempPrefix)) return handle
        return { ...handle, sync: async () => (fs.writeFileSync(file(), theirs), handle.sync()) }
      },
    }
    const result = await saveWith(port)
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: 'posts/a.md' } })
    expect(fs.readFileSync(file(), 'utf8')).toBe(theirs)
    expect(leftovers()).toEqual([])
  })
})
