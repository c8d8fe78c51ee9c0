import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../src/core/folder-session'
import { nodeFs, type FsPort } from '../../../src/core/fs-port'
import { withFaults } from '../../support/fault-fs'
import { makeTempDir, removeTempDir } from './corpus'

let dir = ''
const file = (rel: string): string => path.join(dir, ...rel.split('/'))
const write = (rel: string, content: string | Uint8Array): void => {
  fs.mkdirSync(path.dirname(file(rel)), { recursive: true })
  fs.writeFileSync(file(rel), content)
}
beforeEach(() => {
  dir = makeTempDir()
  write('posts/a.md', '---\r\ntitle: "A"\r\ndate: "2025-02-11 17:15:27"\r\ndraft: true\r\n---\r\nbody\r\n')
  write('posts/b.markdown', '+++\ntitle = "B"\n+++\n')
  write('notes.txt', 'not an article')
  write('.git/x.md', 'hidden')
  write('public/p.md', 'built')
  write('resources/_gen/g.md', 'generated')
  write('broken/bad.md', '---\ntitle: [\n---\n')
})
afterEach(() => removeTempDir(dir))

async function open(fsPort?: FsPort): Promise<FolderSession> {
  const session = await FolderSession.open(dir, { fs: fsPort, retryDelayMs: 1 })
  if (!session.ok) throw new Error(session.error.message)
  return session.value
}

async function read(session: FolderSession, rel: string) {
  const doc = await session.readArticle(rel)
  if (!doc.ok) throw new Error(doc.error.message)
  return doc.value
}

describe('FolderSession', () => {
  it('lists articles with summaries, skipping dot-folders, public and resources/_gen', async () => {
    const list = await (await open()).listArticles()
    expect(list.ok && list.value.map((a) => a.path)).toEqual(['broken/bad.md', 'posts/a.md', 'posts/b.markdown'])
    expect(list.ok && list.value[1]).toEqual({ path: 'posts/a.md', title: 'A', date: '2025-02-11 17:15:27', isDraft: true, format: 'yaml' })
    expect(list.ok && list.value[0].error?.line).toBeGreaterThan(0)
  })

  it('reads LF text with format and version', async () => {
    const doc = await read(await open(), 'posts/a.md')
    expect(doc.text.startsWith('---\ntitle')).toBe(true)
    expect(doc.format).toEqual({ hasBom: false, eol: 'crlf' })
    expect(doc.version.size).toBe(fs.statSync(file('posts/a.md')).size)
    expect(doc.version.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.isReadOnly).toBe(false)
  })

  it('opens invalid UTF-8 and binary read-only, and refuses files over 10 MB', async () => {
    write('bad.md', new Uint8Array([0x61, 0xff, 0x0a]))
    write('bin.md', new Uint8Array([0x61, 0x00]))
    write('big.md', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))
    const session = await open()
    expect(await session.readArticle('bad.md')).toMatchObject({ ok: true, value: { isReadOnly: true, text: 'a\ufffd\n' } })
    expect(await session.readArticle('bin.md')).toMatchObject({ ok: true, value: { isReadOnly: true } })
    expect(await session.readArticle('big.md')).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
  })

  it('refuses non-article and escaping paths', async () => {
    const session = await open()
    for (const p of ['notes.txt', '.git/x.md', '../x.md', 'node_modules/m.md', '/etc/passwd']) {
      expect(await session.readArticle(p)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    }
    expect(await session.readArticle('missing.md')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('saves an edit byte-exact: only the edited line changes, CRLF kept', async () => {
    const session = await open()
    const doc = await read(session, 'posts/a.md')
    const result = await session.writeArticle({ path: doc.path, text: doc.text.replace('body', 'BODY'), format: doc.format, baseVersion: doc.version })
    expect(result).toMatchObject({ ok: true, value: { written: true } })
    expect(fs.readFileSync(file('posts/a.md'), 'utf8')).toBe('---\r\ntitle: "A"\r\ndate: "2025-02-11 17:15:27"\r\ndraft: true\r\n---\r\nBODY\r\n')
    expect(result.ok && result.value.version.size).toBe(fs.statSync(file('posts/a.md')).size)
  })

  it('a no-op save writes nothing (mtime unchanged)', async () => {
    const past = new Date('2020-01-01T00:00:00Z')
    fs.utimesSync(file('posts/a.md'), past, past)
    const port = withFaults(nodeFs, [])
    const session = await open(port)
    const doc = await read(session, 'posts/a.md')
    const result = await session.writeArticle({ path: doc.path, text: doc.text, format: doc.format, baseVersion: doc.version })
    expect(result).toMatchObject({ ok: true, value: { written: false, version: doc.version } })
    expect(fs.statSync(file('posts/a.md')).mtimeMs).toBe(past.getTime())
    // NOTE: reads open the file too; nothing is written, renamed, or made as a temp file.
    expect(port.calls.some((c) => c.op === 'write' || c.op === 'rename' || c.path.includes('.folio-tmp-'))).toBe(false)
  })

  it('refuses with CONFLICT when the file changed on disk, and overwrites with force', async () => {
    const session = await open()
    const doc = await read(session, 'posts/a.md')
    write('posts/a.md', 'changed outside\n')
    const request = { path: doc.path, text: 'mine\n', format: doc.format, baseVersion: doc.version }
    const conflict = await session.writeArticle(request)
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!conflict.ok) expect(conflict.error.message).toContain('changed on disk')
    expect(fs.readFileSync(file('posts/a.md'), 'utf8')).toBe('changed outside\n')
    expect(await session.writeArticle({ ...request, force: true })).toMatchObject({ ok: true, value: { written: true } })
    expect(fs.readFileSync(file('posts/a.md'), 'utf8')).toBe('mine\r\n')
  })

  it('re-creates a file deleted outside', async () => {
    const session = await open()
    const doc = await read(session, 'posts/a.md')
    fs.rmSync(path.join(dir, 'posts'), { recursive: true })
    expect(await session.writeArticle({ path: doc.path, text: 'kept\n', format: doc.format, baseVersion: doc.version })).toMatchObject({ ok: true })
    expect(fs.readFileSync(file('posts/a.md'), 'utf8')).toBe('kept\r\n')
  })

  it('reports a disk-full save by name and keeps the original', async () => {
    const session = await open(withFaults(nodeFs, [{ op: 'write', code: 'ENOSPC' }]))
    const doc = await read(session, 'posts/a.md')
    const result = await session.writeArticle({ path: doc.path, text: 'new\n', format: doc.format, baseVersion: doc.version })
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_SPACE', path: 'posts/a.md' } })
    expect(fs.readFileSync(file('posts/a.md'), 'utf8')).toContain('body')
  })
})

describe('FolderSession watcher', () => {
  let session: FolderSession
  const events: FolderEvent[] = []
  /** Resolves once `predicate` holds (vi.waitFor polls it); fails the test if it never does. */
  const waitFor = (predicate: () => boolean): Promise<void> => vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 10_000, interval: 20 })
  beforeEach(async () => {
    events.length = 0
    session = await open()
    await session.start()
    session.onEvent((e) => events.push(e))
  })
  afterEach(() => session.dispose())

  it('emits changed, added and removed for outside changes only', async () => {
    const doc = await read(session, 'posts/a.md')
    await session.writeArticle({ path: doc.path, text: 'own write\n', format: doc.format, baseVersion: doc.version })
    write('posts/a.md', 'outside\n')
    await waitFor(() => events.some((e) => e.kind === 'article-changed'))
    write('posts/new.md', 'new\n')
    fs.writeFileSync(file('ignored.txt'), 'x')
    write('.git/y.md', 'x')
    await waitFor(() => events.some((e) => e.kind === 'article-added'))
    fs.rmSync(file('posts/b.markdown'))
    await waitFor(() => events.some((e) => e.kind === 'article-removed'))
    const hash = (await read(session, 'posts/a.md')).version.hash
    expect(events).toEqual([
      { kind: 'article-changed', path: 'posts/a.md', version: expect.objectContaining({ hash }) as unknown },
      { kind: 'article-added', path: 'posts/new.md' },
      { kind: 'article-removed', path: 'posts/b.markdown' },
    ])
  })

  it('unsubscribe stops delivery', async () => {
    const seen: FolderEvent[] = []
    const off = session.onEvent((e) => seen.push(e))
    off()
    write('posts/c.md', 'c')
    await waitFor(() => events.length > 0)
    expect(events.length).toBe(1)
    expect(seen).toEqual([])
  })
})
