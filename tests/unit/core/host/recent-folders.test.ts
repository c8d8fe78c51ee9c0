import fs from 'node:fs'
import path from 'node:path'
import { RecentFolders, maxRecentFolders, recentFoldersFileName } from '../../../../src/core/host/recent-folders'
import { completeFolderPath, splitPartialPath } from '../../../../src/core/host/folder-completion'
import { createFolderHandlers } from '../../../../src/core/host/folder-handlers'
import { makeTempDir, removeTempDir } from '../corpus'

let base = ''
beforeEach(() => {
  base = makeTempDir()
})
afterEach(() => removeTempDir(base))

const dirs = (...names: string[]) =>
  names.map((name) => {
    const dir = path.join(base, name)
    fs.mkdirSync(dir, { recursive: true })
    return dir
  })

describe('RecentFolders', () => {
  it('adds most recent first, dedupes, caps the list, and marks missing folders without dropping them', async () => {
    const state = path.join(base, 'state')
    const recent = new RecentFolders(state, false)
    const [a, b] = dirs('a', 'b')
    await recent.add(a, new Date('2026-01-01T00:00:00Z'))
    await recent.add(b, new Date('2026-01-02T00:00:00Z'))
    await recent.add(a, new Date('2026-01-03T00:00:00Z'))
    let list = await recent.list()
    expect(list.ok && list.value).toEqual([
      { path: a, name: 'a', openedAt: '2026-01-03T00:00:00.000Z', isMissing: false },
      { path: b, name: 'b', openedAt: '2026-01-02T00:00:00.000Z', isMissing: false },
    ])
    fs.rmSync(b, { recursive: true })
    list = await recent.list()
    expect(list.ok && list.value.map((f) => [f.name, f.isMissing])).toEqual([['a', false], ['b', true]])
    await recent.forget(b)
    list = await recent.list()
    expect(list.ok && list.value.map((f) => f.name)).toEqual(['a'])
    await Promise.all(Array.from({ length: maxRecentFolders + 3 }, (_, i) => recent.add(path.join(base, `x${i}`))))
    list = await recent.list()
    expect(list.ok && list.value.length).toBe(maxRecentFolders)
  })

  it('dedupes without case where the file system ignores it, and survives a damaged file', async () => {
    const state = path.join(base, 'state')
    const recent = new RecentFolders(state, true)
    await recent.add('C:\\Users\\Ann\\Site')
    await recent.add('c:\\users\\ann\\site')
    const list = await recent.list()
    expect(list.ok && list.value.map((f) => f.path)).toEqual(['c:\\users\\ann\\site'])
    expect(await recent.has('C:\\USERS\\ANN\\SITE')).toBe(true)
    fs.writeFileSync(path.join(state, recentFoldersFileName), '{not json')
    expect(await recent.list()).toEqual({ ok: true, value: [] })
  })
})

describe('completeFolderPath', () => {
  it('lists sub-folders that start with the typed name, hidden ones only when asked, never files', async () => {
    dirs('site/blog', 'site/book', 'site/.hidden', 'site/Beta')
    fs.writeFileSync(path.join(base, 'site', 'bfile'), '')
    expect(await completeFolderPath(path.join(base, 'site', 'b'), false)).toEqual({ ok: true, value: [path.join(base, 'site', 'blog'), path.join(base, 'site', 'book')] })
    expect(await completeFolderPath(path.join(base, 'site', 'b'), true)).toEqual({ ok: true, value: ['Beta', 'blog', 'book'].map((n) => path.join(base, 'site', n)) })
    const all = await completeFolderPath(`${path.join(base, 'site')}${path.sep}`, false)
    expect(all.ok && all.value.map((p) => path.basename(p))).toEqual(['Beta', 'blog', 'book'])
    expect(await completeFolderPath(path.join(base, 'site', '.h'), false)).toEqual({ ok: true, value: [path.join(base, 'site', '.hidden')] })
    expect(await completeFolderPath(path.join(base, 'nowhere', 'x'))).toEqual({ ok: true, value: [] })
    expect((await completeFolderPath('relative/path')).ok).toBe(false)
    expect((await completeFolderPath('/a\0b')).ok).toBe(false)
  })

  it('splits Windows-style and ~ paths', () => {
    expect(splitPartialPath('C:\\Users\\Ann\\Do', path.win32)).toEqual({ dir: 'C:\\Users\\Ann', prefix: 'Do' })
    expect(splitPartialPath('C:\\Users\\', path.win32)).toEqual({ dir: 'C:\\Users', prefix: '' })
    expect(splitPartialPath('~\\Doc', path.win32, 'C:\\Users\\Ann')).toEqual({ dir: 'C:\\Users\\Ann', prefix: 'Doc' })
    expect(splitPartialPath('~/si', path.posix, '/home/ann')).toEqual({ dir: '/home/ann', prefix: 'si' })
    expect(splitPartialPath('Users\\Ann', path.win32)).toBeNull()
  })
})

describe('folder handlers', () => {
  it('lets the desktop renderer reopen only recent folders, and complete nothing; browser mode may open any', async () => {
    const [a, b] = dirs('a', 'b')
    const recent = new RecentFolders(path.join(base, 'state'), false)
    await recent.add(a)
    const opened: string[] = []
    const openFolderAt = (dir: string) => (opened.push(dir), Promise.resolve({ ok: true as const, value: { root: dir, name: path.basename(dir) } }))
    const desktop = createFolderHandlers({ recent, openFolderAt })
    expect((await desktop.openFolderAt(a)).ok).toBe(true)
    expect(await desktop.openFolderAt(b)).toMatchObject({ ok: false, error: { code: 'PERMISSION' } })
    expect(await desktop.completeFolderPath('/')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    const browser = createFolderHandlers({ recent, openFolderAt, mayOpenAnyFolder: true })
    expect((await browser.openFolderAt(b)).ok).toBe(true)
    expect(opened).toEqual([a, b])
    for (const bad of [42, '', 'x\0y', 'x'.repeat(5000)]) expect(await browser.openFolderAt(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await browser.openFolderAt()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect((await browser.forgetRecentFolder(a)).ok).toBe(true)
    expect((await browser.listRecentFolders()).ok && (await recent.has(a))).toBe(false)
  })
})
