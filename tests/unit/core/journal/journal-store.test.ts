import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { FolderSession } from '../../../../src/core/folder-session'
import { JournalStore } from '../../../../src/core/journal/index'
import { createRequestHandlers } from '../../../../src/core/request-handlers'
import { fail } from '@shared/result'
import { makeTempDir, removeTempDir } from '../corpus'

let content = ''
let state = ''
beforeEach(() => {
  content = makeTempDir()
  state = makeTempDir()
  fs.writeFileSync(path.join(content, 'a.md'), 'hello\n')
})
afterEach(() => {
  removeTempDir(content)
  removeTempDir(state)
})

const version = { hash: 'b'.repeat(64), size: 6, mtimeMs: 5 }

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(dir, name)).isFile())
}

describe('JournalStore', () => {
  it('writes, lists, replaces and clears entries per folder', async () => {
    const store = new JournalStore(state)
    expect(await store.list('/x/site')).toEqual({ ok: true, value: [] })
    expect((await store.write('/x/site', { path: 'posts/a.md', text: 'one', baseVersion: version }, new Date(1000))).ok).toBe(true)
    expect((await store.write('/x/site', { path: 'posts/a.md', text: 'two', baseVersion: version }, new Date(2000))).ok).toBe(true)
    expect((await store.write('/x/site', { path: 'b.md', text: 'new file', baseVersion: null }, new Date(1500))).ok).toBe(true)
    expect((await store.write('/x/other', { path: 'c.md', text: 'elsewhere', baseVersion: null })).ok).toBe(true)
    const listed = await store.list('/x/site')
    expect(listed).toEqual({
      ok: true,
      value: [
        { path: 'b.md', text: 'new file', baseVersion: null, updatedAt: new Date(1500).toISOString() },
        { path: 'posts/a.md', text: 'two', baseVersion: version, updatedAt: new Date(2000).toISOString() },
      ],
    })
    expect((await store.clear('/x/site', 'posts/a.md')).ok).toBe(true)
    expect((await store.clear('/x/site', 'posts/a.md')).ok).toBe(true)
    expect((await store.list('/x/site')).ok && (await store.list('/x/site'))).toMatchObject({ value: [{ path: 'b.md' }] })
  })

  it('refuses paths that could escape and names files by hashes only', async () => {
    const store = new JournalStore(state)
    for (const bad of ['../evil.md', '/etc/passwd', 'a/../../b.md', 'c:\\x.md', 'a\0.md']) {
      expect(await store.write('/x/site', { path: bad, text: 't', baseVersion: null })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    }
    await store.write('/x/site', { path: 'posts/a.md', text: 't', baseVersion: null })
    for (const name of filesUnder(state)) expect(name).toMatch(/^journal[/\\][0-9a-f]{32}[/\\][0-9a-f]{64}\.json$/)
  })

  it('applies a patch to the text it last wrote without reading the entry back; a new store reads it once', async () => {
    const text = 'line\n'.repeat(1000)
    const store = new JournalStore(state)
    expect((await store.write('/x/site', { path: 'a.md', text, baseVersion: null, entry: { id: 'w', step: 0 } })).ok).toBe(true)
    const reads = vi.spyOn(fsp, 'readFile')
    try {
      expect((await store.write('/x/site', { path: 'a.md', text: 'typed ', baseVersion: null, entry: { id: 'w', step: 1 }, patch: { from: 5, to: 5 } })).ok).toBe(true)
      expect(reads).not.toHaveBeenCalled()
      // After a restart (a new store), the entry is read from its file.
      const restarted = new JournalStore(state)
      expect((await restarted.write('/x/site', { path: 'a.md', text: '', baseVersion: null, entry: { id: 'w', step: 2 }, patch: { from: 0, to: 5 } })).ok).toBe(true)
      expect(reads).toHaveBeenCalledTimes(1)
      expect(await restarted.list('/x/site')).toMatchObject({ ok: true, value: [{ text: `typed ${text.slice(5)}` }] })
      // A cleared entry takes no patch, whatever the store remembered.
      expect((await restarted.clear('/x/site', 'a.md')).ok).toBe(true)
      expect(await restarted.write('/x/site', { path: 'a.md', text: 'x', baseVersion: null, entry: { id: 'w', step: 3 }, patch: { from: 0, to: 0 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    } finally {
      reads.mockRestore()
    }
  })

  it('takes one write of an entry at a time: of two patches of the same step sent together, the second is refused', async () => {
    const store = new JournalStore(state)
    expect((await store.write('/x/site', { path: 'a.md', text: 'hello', baseVersion: null, entry: { id: 'w', step: 0 } })).ok).toBe(true)
    const [first, second] = await Promise.all([
      store.write('/x/site', { path: 'a.md', text: ' one', baseVersion: null, entry: { id: 'w', step: 1 }, patch: { from: 5, to: 5 } }),
      store.write('/x/site', { path: 'a.md', text: ' two', baseVersion: null, entry: { id: 'w', step: 1 }, patch: { from: 5, to: 5 } }),
    ])
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await new JournalStore(state).list('/x/site')).toMatchObject({ ok: true, value: [{ text: 'hello one' }] })
    // A clear sent behind a write is done after it: no entry is left.
    const written = store.write('/x/site', { path: 'a.md', text: 'again', baseVersion: null, entry: { id: 'v', step: 0 } })
    const cleared = store.clear('/x/site', 'a.md')
    expect((await written).ok && (await cleared).ok).toBe(true)
    expect(await store.list('/x/site')).toEqual({ ok: true, value: [] })
  })

  it('skips damaged entries and entries of another folder', async () => {
    const store = new JournalStore(state)
    await store.write('/x/site', { path: 'a.md', text: 'kept', baseVersion: null })
    const dir = store.folderDir('/x/site')
    fs.writeFileSync(path.join(dir, `${'c'.repeat(64)}.json`), '{"half')
    fs.writeFileSync(path.join(dir, `${'d'.repeat(64)}.json`), JSON.stringify({ version: 1, folder: '/x/other', path: 'z.md', text: 'z', baseVersion: null, updatedAt: 'x' }))
    expect(await store.list('/x/site')).toMatchObject({ ok: true, value: [{ path: 'a.md', text: 'kept' }] })
  })
})

describe('journal request handlers', () => {
  it('journal outside the content folder, validate input and list what was written', async () => {
    const opened = await FolderSession.open(content)
    if (!opened.ok) throw new Error(opened.error.message)
    const handlers = createRequestHandlers({ session: () => opened.value, pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'no')), journal: new JournalStore(state) })
    expect(await handlers.writeJournal({ path: 'a.md', text: 'typed\n', baseVersion: null })).toEqual({ ok: true, value: undefined })
    expect(await handlers.listJournal()).toMatchObject({ ok: true, value: [{ path: 'a.md', text: 'typed\n' }] })
    expect(filesUnder(content)).toEqual(['a.md'])
    expect(await handlers.writeJournal({ path: 'a.md', text: 7, baseVersion: null })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await handlers.writeJournal({ path: 'a.md', text: 'x', baseVersion: { hash: 'no' } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await handlers.writeJournal({ path: '../x.md', text: 'x', baseVersion: null })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    for (const bad of [{ entry: { id: 'e', step: 1 } }, { entry: { id: '', step: 0 } }, { entry: { id: 'e', step: -1 } }, { entry: { id: 'e', step: 1.5 } }, { patch: { from: 0, to: 0 } }, { entry: { id: 'e', step: 0 }, patch: { from: 0, to: 0 } }, { entry: { id: 'e', step: 1 }, patch: { from: 2, to: 1 } }, { entry: { id: 'e', step: 1 }, patch: { from: -1, to: 1 } }]) {
      expect(await handlers.writeJournal({ path: 'a.md', text: 'x', baseVersion: null, ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await handlers.clearJournal(5)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await handlers.clearJournal('a.md')).toEqual({ ok: true, value: undefined })
    expect(await handlers.listJournal()).toEqual({ ok: true, value: [] })
    await opened.value.dispose()
  })
})
