import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { searchFolderOnce } from '../../../../src/core/index/folder-search'
import { loadSearchIndex, searchIndexFile } from '../../../../src/core/index/search-cache'
import { textAt } from '../../../../src/core/index/search-index-format'
import { queryTerms } from '../../../../src/core/index/term-index'

// The saved search index (issue #22): answers as a scan would, reads only what changed since it was saved, and
// is ignored (never trusted in part) when it is damaged, foreign, or would lie in the content folder.
let dir = ''
let site = ''
let cacheDir = ''

const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true })
  fs.writeFileSync(path.join(site, rel), text)
}

/** The content-folder files opened while `run` runs (the index file and the cache folder are not counted). */
async function opensDuring<T>(run: () => Promise<T>): Promise<{ value: T; opened: string[] }> {
  const opened: string[] = []
  const realOpen = fs.openSync
  const spy = vi.spyOn(fs, 'openSync').mockImplementation((file: fs.PathLike, ...rest: unknown[]) => {
    if (String(file).startsWith(site + path.sep)) opened.push(path.relative(site, String(file)).split(path.sep).join('/'))
    return (realOpen as (...args: unknown[]) => number)(file, ...rest)
  })
  try {
    return { value: await run(), opened }
  } finally {
    spy.mockRestore()
  }
}

/** The paths of every article a scan finds for `query` (all of them, not only the shown hits). */
async function matchingPaths(query: string): Promise<string[]> {
  const all = await searchFolderOnce(site, query, 1000, { workers: 0 })
  return all.ok ? all.value.hits.map((hit) => hit.path).sort() : []
}

const search = (query: string, saveIndex = false): ReturnType<typeof searchFolderOnce> => searchFolderOnce(site, query, 20, { workers: 0, cacheDir, saveIndex })
const scan = (query: string): ReturnType<typeof searchFolderOnce> => searchFolderOnce(site, query, 20, { workers: 0 })

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-search-cache-')))
  site = path.join(dir, 'site')
  cacheDir = path.join(dir, 'cache')
  write('a.md', '---\ntitle: Harbour notes\n---\nThe ferry left the harbour.\n')
  write('posts/b.md', '---\ntitle: Weather\n---\nRain over the harbour, and a ferry.\n')
  write('posts/c.md', '---\ntitle: Other\n---\nNothing here.\n')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

it('is saved in the cache folder (not the content folder) and answers as a scan does, reading no unchanged file', async () => {
  const first = await search('harbour', true)
  expect(first).toEqual(await scan('harbour'))
  expect(fs.existsSync(searchIndexFile(cacheDir, site))).toBe(true)
  expect(fs.readdirSync(site).sort()).toEqual(['a.md', 'posts'])
  const none = await opensDuring(() => search('zzzabsent'))
  expect(none.value).toEqual(await scan('zzzabsent'))
  expect(none.opened).toEqual([])
  // NOTE: with hits, only the shown hits are read again (for their snippets).
  const some = await opensDuring(() => search('ferry'))
  expect(some.value).toEqual(await scan('ferry'))
  expect(some.opened.sort()).toEqual(['a.md', 'posts/b.md'])
})

it('reads a changed file again, finds a new one (also in a new folder), and drops a deleted one', async () => {
  await search('harbour', true)
  const saved = fs.readFileSync(searchIndexFile(cacheDir, site))
  write('posts/c.md', '---\ntitle: Other\n---\nNow about the harbour.\n')
  write('posts/new.md', 'a new harbour piece\n')
  write('deep/er/new.md', 'harbour, deeper\n')
  fs.rmSync(path.join(site, 'a.md'))
  const after = await opensDuring(() => search('harbour'))
  expect(after.value).toEqual(await scan('harbour'))
  expect(after.value.ok && after.value.value.hits.map((h) => h.path).sort()).toEqual(['deep/er/new.md', 'posts/b.md', 'posts/c.md', 'posts/new.md'])
  // NOTE: the unchanged file is read only for its snippet; the saved index itself is not rewritten by a search.
  expect(after.opened.filter((p) => p === 'posts/b.md')).toEqual(['posts/b.md'])
  expect(fs.readFileSync(searchIndexFile(cacheDir, site)).equals(saved)).toBe(true)
  expect((await search('nothing')).ok && (await search('nothing'))).toEqual(await scan('nothing'))
})

it('notices a file changed with its size and mtime kept (ctime only), and a renamed file', async () => {
  const b = path.join(site, 'posts', 'b.md')
  // NOTE: a whole second, so setting it again gives exactly the same mtime.
  fs.utimesSync(b, 1_700_000_000, 1_700_000_000)
  await search('harbour', true)
  const before = fs.statSync(b)
  // NOTE: same length, mtime put back: only the ctime tells.
  fs.writeFileSync(b, fs.readFileSync(b, 'utf8').replace('ferry', 'wharf'))
  fs.utimesSync(b, 1_700_000_000, 1_700_000_000)
  expect(fs.statSync(b).size).toBe(before.size)
  expect(fs.statSync(b).mtimeMs).toBe(before.mtimeMs)
  const wharf = await search('wharf')
  expect(wharf.ok && wharf.value.hits.map((h) => h.path)).toEqual(['posts/b.md'])
  expect(await search('ferry')).toEqual(await scan('ferry'))
  fs.renameSync(path.join(site, 'posts', 'c.md'), path.join(site, 'posts', 'renamed.md'))
  const nothing = await search('nothing')
  expect(nothing.ok && nothing.value.hits.map((h) => h.path)).toEqual(['posts/renamed.md'])
  expect(nothing).toEqual(await scan('nothing'))
})

it('ranks as a scan does when titles and paths compete (title hits first, then by path, at most the limit)', async () => {
  for (let i = 0; i < 30; i++) write(`many/p${String(i).padStart(2, '0')}.md`, `---\ntitle: ${i % 3 === 0 ? 'Harbour' : 'Other'} ${i}\n---\nharbour text\n`)
  await search('harbour', true)
  for (const query of ['harbour', 'harb', 'text', 'other harbour']) expect(await search(query), query).toEqual(await scan(query))
})

it('finds words and word starts by their bytes, also where UTF-16 and UTF-8 order them differently', async () => {
  // NOTE: U+E000 sorts after a surrogate pair in UTF-16 but before it in UTF-8 (𝒜 is U+1D49C).
  write('e.md', '\ue000mark \ud835\udc9clpha zebra zeal ZEALOT zz\n')
  write('f/g.md', '\ud835\udc9clphabet \ue000markers zeal\n')
  await search('zeal', true)
  for (const query of ['\ue000mark', '\ue000', '\ud835\udc9clpha', '\ud835\udc9c', 'zeal', 'zea', 'z', 'zz', 'zeal zebra', 'zebra zealot', 'harbour', 'ferry', 'zzzabsent', 'a']) {
    const saved = loadSearchIndex(searchIndexFile(cacheDir, site), site, queryTerms(query))
    expect(saved?.ids.map((id) => textAt(saved.paths, id)).sort(), query).toEqual(await matchingPaths(query))
    expect(await search(query), query).toEqual(await scan(query))
  }
})

it('ignores a damaged, cut-short, foreign-version or other-folder index and scans instead', async () => {
  await search('harbour', true)
  const file = searchIndexFile(cacheDir, site)
  const good = fs.readFileSync(file)
  expect(loadSearchIndex(file, site, ['harbour'])).not.toBeNull()
  expect(loadSearchIndex(file, path.join(dir, 'elsewhere'), ['harbour'])).toBeNull()
  const damaged: Buffer[] = [
    good.subarray(0, good.length - 3),
    Buffer.concat([good, Buffer.from('x')]),
    Buffer.from('not an index at all'),
    Buffer.from(good.toString('latin1').replace(/"version":\d+/, '"version":9'), 'latin1'),
    // NOTE: written on a machine of the other byte order (the typed columns would read as garbage).
    Buffer.from(good.toString('latin1').replace(/"endianness":"(LE|BE)"/, (_m, e: string) => `"endianness":"${e === 'LE' ? 'BE' : 'LE'}"`), 'latin1'),
    // NOTE: a posting list's bytes overwritten: ids past the last document.
    Buffer.concat([good.subarray(0, good.length - 4), Buffer.from([0xff, 0xff, 0xff, 0x7f])]),
  ]
  for (const bytes of damaged) {
    fs.writeFileSync(file, bytes)
    for (const query of ['harbour', 'ferry', 'zzz']) expect(await search(query), query).toEqual(await scan(query))
  }
})

it('is never written inside the content folder, even when the cache folder is set there', async () => {
  cacheDir = path.join(site, '.cache')
  const found = await search('harbour', true)
  expect(found).toEqual(await scan('harbour'))
  expect(fs.existsSync(cacheDir)).toBe(false)
})
