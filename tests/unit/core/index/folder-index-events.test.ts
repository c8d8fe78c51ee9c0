import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { makeTempDir, removeTempDir } from '../corpus'

let dir = ''
let session: FolderSession
let events: FolderEvent[] = []
const file = (rel: string): string => path.join(dir, ...rel.split('/'))
const write = (rel: string, content: string): void => {
  fs.mkdirSync(path.dirname(file(rel)), { recursive: true })
  fs.writeFileSync(file(rel), content)
}
/** Resolves once `predicate` holds (vi.waitFor polls it); fails the test if it never does. */
const waitFor = (predicate: () => boolean): Promise<void> => vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 60_000, interval: 20 })
const marker = 'posts/zz-marker.md'
/**
 * Proves that no further event is on its way without sleeping: writes a marker article and waits for its event;
 * the watcher reports changes in order, so whatever an earlier change would have caused has been reported by then.
 */
const settle = async (): Promise<void> => {
  write(marker, '---\ntitle: "marker"\n---\n')
  await waitFor(() => events.some((e) => e.kind === 'article-added' && e.path === marker))
}
/** The events other than index progress and the marker's own. */
const changeEvents = (): FolderEvent[] => events.filter((e) => e.kind !== 'articles-indexed' && e.kind !== 'index-progress' && !(e.kind === 'article-added' && e.path === marker))
const titleOf = (rel: string): string | null | undefined => {
  const snapshot = session.articleIndex()
  return snapshot.ok ? snapshot.value.articles.find((a) => a.path === rel)?.title : undefined
}
const indexedPaths = (): string[] => {
  const snapshot = session.articleIndex()
  return snapshot.ok ? snapshot.value.articles.map((a) => a.path) : []
}

beforeEach(async () => {
  dir = makeTempDir()
  write('posts/a.md', '---\ntitle: "A"\n---\nalpha body\n')
  write('posts/b.md', '---\ntitle: "B"\n---\nbeta body\n')
  const opened = await FolderSession.open(dir, { retryDelayMs: 1, index: { mode: 'local' } })
  if (!opened.ok) throw new Error(opened.error.message)
  session = opened.value
  await session.start()
  expect((await session.whenIndexed()).ok).toBe(true)
  events = []
  session.onEvent((e) => events.push(e))
})
afterEach(async () => {
  await session.dispose()
  removeTempDir(dir)
})

describe('FolderSession index and watcher', () => {
  it('indexes an added file and an outside change, and drops a deleted one', async () => {
    write('posts/c.md', '---\ntitle: "C"\n---\ngamma\n')
    await waitFor(() => titleOf('posts/c.md') === 'C' && events.some((e) => e.kind === 'article-added'))
    expect(events).toContainEqual({ kind: 'article-added', path: 'posts/c.md' })
    write('posts/a.md', '---\ntitle: "A2"\n---\nalpha changed\n')
    await waitFor(() => titleOf('posts/a.md') === 'A2')
    expect(events.some((e) => e.kind === 'article-changed' && e.path === 'posts/a.md')).toBe(true)
    expect(events.some((e) => e.kind === 'articles-indexed' && e.articles.some((a) => a.title === 'A2'))).toBe(true)
    fs.rmSync(file('posts/b.md'))
    await waitFor(() => events.some((e) => e.kind === 'article-removed'))
    expect(events).toContainEqual({ kind: 'article-removed', path: 'posts/b.md' })
    expect(indexedPaths()).toEqual(['posts/a.md', 'posts/c.md'])
    const search = await session.searchArticles('changed')
    expect(search.ok && search.value.hits.map((h) => h.path)).toEqual(['posts/a.md'])
  })

  // NOTE: found by the large-folder e2e at load 14: an outside rewrite (truncate, then write) was reported once with
  // the empty file; the open tab reloaded and read the final text, and that read marked it as known, so the watcher
  // dropped the final write's own event and the index kept the empty article ("0 of 5,013" for its title).
  it('indexes an outside change even when the editor read the new text before the watcher reported it', async () => {
    write('posts/a.md', '---\ntitle: "A2"\n---\nalpha changed\n')
    const read = await session.readArticle('posts/a.md')
    expect(read.ok && read.value.text).toContain('A2')
    await waitFor(() => titleOf('posts/a.md') === 'A2')
    expect(events.some((e) => e.kind === 'article-changed' && e.path === 'posts/a.md')).toBe(true)
  })

  it('reports a move as one rename, not a removal and an add', async () => {
    fs.mkdirSync(file('archive'))
    fs.renameSync(file('posts/a.md'), file('archive/a.md'))
    await waitFor(() => events.some((e) => e.kind === 'article-renamed'))
    await settle()
    expect(changeEvents()).toEqual([{ kind: 'article-renamed', from: 'posts/a.md', to: 'archive/a.md' }])
    expect(indexedPaths()).toEqual(['archive/a.md', 'posts/b.md', marker])
    expect(titleOf('archive/a.md')).toBe('A')
  })

  it('keeps up with a rapid burst of writes and ends with the final content', async () => {
    for (let i = 0; i < 30; i++) write(`burst/n${i}.md`, `---\ntitle: "N${i}"\n---\n`)
    for (let v = 0; v < 10; v++) write('posts/a.md', `---\ntitle: "A v${v}"\n---\n`)
    await waitFor(() => indexedPaths().length === 32 && titleOf('posts/a.md') === 'A v9')
    expect(indexedPaths().length).toBe(32)
    expect(titleOf('posts/a.md')).toBe('A v9')
    expect(titleOf('burst/n29.md')).toBe('N29')
  })

  it('indexes its own save without echoing it as an outside change, and ignores skipped folders', async () => {
    const doc = await session.readArticle('posts/a.md')
    if (!doc.ok) throw new Error(doc.error.message)
    const saved = await session.writeArticle({ path: 'posts/a.md', text: '---\ntitle: "Mine"\n---\n', format: doc.value.format, baseVersion: doc.value.version })
    expect(saved.ok).toBe(true)
    write('.git/x.md', 'x')
    write('node_modules/m/readme.md', 'x')
    write('public/p.md', 'x')
    write('resources/_gen/g.md', 'x')
    await waitFor(() => titleOf('posts/a.md') === 'Mine')
    await settle()
    expect(titleOf('posts/a.md')).toBe('Mine')
    expect(changeEvents()).toEqual([])
    expect(indexedPaths()).toEqual(['posts/a.md', 'posts/b.md', marker])
  })

  it('indexes every article of a folder moved in, and drops every article of a folder moved away', async () => {
    const outside = makeTempDir()
    try {
      fs.mkdirSync(path.join(outside, 'series', 'part2'), { recursive: true })
      fs.writeFileSync(path.join(outside, 'series', 'one.md'), '---\ntitle: "One"\n---\n')
      fs.writeFileSync(path.join(outside, 'series', 'part2', 'two.md'), '---\ntitle: "Two"\n---\n')
      fs.renameSync(path.join(outside, 'series'), file('series'))
      await waitFor(() => indexedPaths().length === 4)
      expect(indexedPaths()).toEqual(['posts/a.md', 'posts/b.md', 'series/one.md', 'series/part2/two.md'])
      expect(titleOf('series/part2/two.md')).toBe('Two')
      fs.renameSync(file('series'), path.join(outside, 'gone'))
      // NOTE: the index drops an article from its list before the session tells observers (article-removed), so the
      // wait is for both: waiting for the list alone failed once at load ~17, the events not yet sent.
      const removed = (): string[] => events.flatMap((e) => (e.kind === 'article-removed' ? [e.path] : [])).sort()
      await waitFor(() => indexedPaths().length === 2 && removed().length === 2)
      expect(indexedPaths()).toEqual(['posts/a.md', 'posts/b.md'])
      expect(removed()).toEqual(['series/one.md', 'series/part2/two.md'])
      fs.rmSync(file('posts'), { recursive: true })
      await waitFor(() => indexedPaths().length === 0)
      expect(indexedPaths()).toEqual([])
    } finally {
      removeTempDir(outside)
    }
  })
})
