import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary, FolderEvent } from '@shared/api'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { ShardCore } from '../../../../src/core/index/shard-core'
import { rulesWithTimeZone } from '@shared/hugo/page'
import { cacheBytes, defaultCacheDir, loadShardCache, pruneStaleCaches, shardCacheFile, type CachedArticle } from '../../../../src/core/index/summary-cache'
import { makeCorpus, makeTempDir, removeTempDir } from '../corpus'

let corpus = ''
let cacheDir = ''
beforeAll(() => {
  corpus = makeCorpus(300, 6)
})
afterAll(() => removeTempDir(corpus))
beforeEach(() => {
  cacheDir = makeTempDir('folio-cache-')
})
afterEach(() => removeTempDir(cacheDir))

async function fullIndex(mode: 'local' | 'worker', onEvent?: (e: FolderEvent) => void): Promise<{ first: ArticleSummary[]; final: ArticleSummary[] }> {
  const index = new ArticleIndex(corpus, { mode, shards: 2, cacheDir, onEvent })
  try {
    expect((await index.start()).ok).toBe(true)
    const first = index.snapshot().articles
    await index.whenSearchable()
    return { first, final: index.snapshot().articles }
  } finally {
    await index.dispose()
  }
}

const cacheFiles = (): string[] => [0, 1].map((i) => shardCacheFile(cacheDir, corpus, i, 2))

// NOTE: rows are [path, size, mtimeMs, ctimeMs, title, …] (see summary-cache).
type CacheBody = { version: number; root: string; articles: unknown[][] }

function rewriteCache(file: string, change: (body: CacheBody) => void): void {
  const body = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheBody
  change(body)
  fs.writeFileSync(file, JSON.stringify(body))
}

describe('summary cache', () => {
  it('lives per platform in the user cache folder, never in the content folder, and can be turned off', () => {
    expect(defaultCacheDir({}, 'linux', '/home/ann')).toBe('/home/ann/.cache/folio')
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/ann' }, 'linux', '/home/ann')).toBe('/var/cache/ann/folio')
    expect(defaultCacheDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Caches/Folio')
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\Ann\\AppData\\Local' }, 'win32', 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Local\\Folio\\Cache')
    expect(defaultCacheDir({}, 'win32', 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Local\\Folio\\Cache')
    expect(defaultCacheDir({ FOLIO_CACHE_DIR: '/tmp/x' }, 'linux', '/home/ann')).toBe('/tmp/x')
    expect(defaultCacheDir({ FOLIO_CACHE_DIR: 'off' }, 'linux', '/home/ann')).toBeNull()
    expect(defaultCacheDir({ FOLIO_CACHE_DIR: '' }, 'win32', 'C:\\Users\\Ann')).toBeNull()
    const a = shardCacheFile(cacheDir, '/sites/a', 0, 2)
    expect(path.dirname(a)).toBe(path.join(cacheDir, 'index'))
    expect(new Set([a, shardCacheFile(cacheDir, '/sites/b', 0, 2), shardCacheFile(cacheDir, '/sites/a', 1, 2), shardCacheFile(cacheDir, '/sites/a', 0, 3)]).size).toBe(4)
  })

  it('gives a reopened folder the same summaries, from the cache, and adds no file to the content folder', async () => {
    const before = fs.readdirSync(corpus, { recursive: true }).length
    const cold = await fullIndex('worker')
    expect(cacheFiles().every((f) => fs.existsSync(f))).toBe(true)
    expect(fs.readdirSync(corpus, { recursive: true }).length).toBe(before)
    // NOTE: a title changed only in the cache shows that the summary pass took it from there (the stamp matched);
    // the full-text pass then reads the file and puts the true title back.
    const victim = cold.final.find((a) => a.error === undefined && a.title !== null) as ArticleSummary
    for (const file of cacheFiles()) rewriteCache(file, (body) => body.articles.forEach((row) => row[0] === victim.path && (row[4] = 'FROM CACHE')))
    const events: FolderEvent[] = []
    const warm = await fullIndex('worker', (e) => events.push(e))
    expect(warm.first.find((a) => a.path === victim.path)?.title).toBe('FROM CACHE')
    expect(warm.first.filter((a) => a.path !== victim.path)).toEqual(cold.final.filter((a) => a.path !== victim.path))
    expect(warm.final).toEqual(cold.final)
    // NOTE: only what differs from the summary pass is sent again: here the one article whose cache entry was wrong.
    const resent = events.filter((e) => e.kind === 'articles-indexed').length
    expect(resent).toBeLessThan(cold.final.length / 10)
  })

  it('reads again what changed, drops what was deleted, and ignores a cache of another version, folder or shape', async () => {
    const cold = await fullIndex('local')
    const changed = cold.final.find((a) => a.format === 'yaml' && a.error === undefined) as ArticleSummary
    const deleted = cold.final.find((a) => a.path !== changed.path && a.error === undefined) as ArticleSummary
    const changedFile = path.join(corpus, changed.path)
    const original = fs.readFileSync(changedFile)
    const deletedFile = path.join(corpus, deleted.path)
    const deletedBytes = fs.readFileSync(deletedFile)
    try {
      fs.writeFileSync(changedFile, original.toString('utf8').replace(/^title: .*$/m, 'title: "Changed outside"'))
      fs.rmSync(deletedFile)
      const warm = await fullIndex('local')
      expect(warm.first.find((a) => a.path === changed.path)?.title).toBe('Changed outside')
      expect(warm.first.some((a) => a.path === deleted.path)).toBe(false)
      expect(warm.first.length).toBe(cold.final.length - 1)
    } finally {
      fs.writeFileSync(changedFile, original)
      fs.writeFileSync(deletedFile, deletedBytes)
    }
    const [first] = cacheFiles()
    const damages: ((body: CacheBody) => void)[] = [
      (b) => (b.version = 999),
      (b) => (b.root = '/elsewhere'),
      (b) => b.articles.push(['x.md', 'big']),
    ]
    for (const damage of damages) {
      rewriteCache(first, damage)
      expect(loadShardCache(first, corpus).size).toBe(0)
      await fullIndex('local')
    }
    fs.writeFileSync(first, '{"version":1,"root":')
    expect(loadShardCache(first, corpus).size).toBe(0)
    expect((await fullIndex('local')).first).toEqual(cold.final)
  })

  it('works out build status again for today, and re-writes the cache after a change once indexing is done', async () => {
    const dir = makeTempDir('folio-cache-site-')
    try {
      fs.writeFileSync(path.join(dir, 'soon.md'), '---\ntitle: Soon\npublishDate: 2030-01-01\n---\nText here.\n')
      const file = path.join(cacheDir, 'shard.json')
      const summer = { cacheFile: file, nowMs: () => Date.parse('2026-06-01'), cacheDelayMs: 5 }
      const first = new ShardCore(dir, summer)
      expect(first.summarize('soon.md')?.buildStatus).toBe('future')
      while (first.indexTerms(10, () => undefined) > 0);
      await first.saveCache()
      const later = new ShardCore(dir, { cacheFile: file, nowMs: () => Date.parse('2031-01-01') })
      expect(later.summarize('soon.md')).toMatchObject({ title: 'Soon', buildStatus: 'published', wordCount: 2 })
      fs.writeFileSync(path.join(dir, 'soon.md'), '---\ntitle: Renamed\npublishDate: 2030-01-01\n---\nText here.\n')
      expect(first.update('soon.md')?.summary.title).toBe('Renamed')
      await vi.waitFor(() => expect(loadShardCache(file, dir).get('soon.md')?.summary.title).toBe('Renamed'))
    } finally {
      removeTempDir(dir)
    }
  })

  it('shows cached rows before the listing, then drops those the listing does not find (a folder turned into a symlink)', async () => {
    const dir = makeTempDir('folio-cache-link-')
    try {
      fs.mkdirSync(path.join(dir, 'real'))
      fs.writeFileSync(path.join(dir, 'real', 'a.md'), '---\ntitle: A\n---\nText.\n')
      fs.writeFileSync(path.join(dir, 'b.md'), '---\ntitle: B\n---\nText.\n')
      const first = new ArticleIndex(dir, { mode: 'local', shards: 2, cacheDir })
      await first.whenSearchable()
      await first.dispose()
      // NOTE: the same file, reached through a symlink the listing does not follow: its stamp still matches.
      fs.renameSync(path.join(dir, 'real'), path.join(dir, 'moved'))
      fs.symlinkSync(path.join(dir, 'moved'), path.join(dir, 'real'), 'dir')
      const events: FolderEvent[] = []
      const second = new ArticleIndex(dir, { mode: 'local', shards: 2, cacheDir, onEvent: (e) => events.push(e) })
      try {
        expect((await second.start()).ok).toBe(true)
        expect(second.snapshot().articles.map((a) => a.path)).toEqual(['b.md', 'moved/a.md'])
        const sent = events.flatMap((e) => (e.kind === 'articles-indexed' ? e.articles.map((a) => a.path) : e.kind === 'article-removed' ? [`-${e.path}`] : []))
        expect(sent).toContain('real/a.md')
        expect(sent.indexOf('-real/a.md')).toBeGreaterThan(sent.indexOf('real/a.md'))
      } finally {
        await second.dispose()
      }
    } finally {
      removeTempDir(dir)
    }
  })

  it('removes cache files of folders not opened for a month when it writes one', async () => {
    const dir = path.join(cacheDir, 'index')
    fs.mkdirSync(dir, { recursive: true })
    const old = path.join(dir, 'old.0-of-2.json')
    const recent = path.join(dir, 'recent.0-of-2.json')
    fs.writeFileSync(old, '{}')
    fs.writeFileSync(recent, '{}')
    const monthsAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000)
    fs.utimesSync(old, monthsAgo, monthsAgo)
    await fullIndex('local')
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(recent)).toBe(true)
    await pruneStaleCaches(path.join(cacheDir, 'missing'), Date.now())
  })

  it('reports a change made between the summary pass and the full-text pass (before the watcher was ready)', () => {
    const dir = makeTempDir('folio-cache-race-')
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Before\n---\nOne two.\n')
      const core = new ShardCore(dir)
      expect(core.summarize('a.md')?.title).toBe('Before')
      fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: After\n---\nOne two three.\n')
      const reported: ArticleSummary[] = []
      while (core.indexTerms(10, (s) => reported.push(s)) > 0);
      expect(reported).toMatchObject([{ path: 'a.md', title: 'After', wordCount: 3 }])
    } finally {
      removeTempDir(dir)
    }
  })

  it('holds the full-text pass until told (the session passes the watcher being ready)', async () => {
    let release = (): void => undefined
    const index = new ArticleIndex(corpus, { mode: 'local', shards: 1 })
    index.holdFullTextUntil(new Promise<void>((resolve) => (release = resolve)))
    const unheld = new ArticleIndex(corpus, { mode: 'local', shards: 1 })
    try {
      expect((await index.start()).ok).toBe(true)
      let isSearchable = false
      const searchable = index.whenSearchable().then(() => (isSearchable = true))
      // NOTE: instead of sleeping: the same folder indexed in the same thread with no hold, started later and with
      // more to do (its summaries too), becomes searchable; the held index must not have built its words meanwhile.
      await unheld.whenSearchable()
      expect(isSearchable).toBe(false)
      const early = await index.search('the')
      expect(early.ok && early.value.isComplete).toBe(false)
      release()
      await searchable
      const late = await index.search('the')
      expect(late.ok && late.value.isComplete).toBe(true)
    } finally {
      await Promise.all([index.dispose(), unheld.dispose()])
    }
  })

  it('holds everything past the first rows until told (folio serve passes the page having called)', async () => {
    let release = (): void => undefined
    const index = new ArticleIndex(corpus, { mode: 'local', shards: 1 })
    index.holdBulkUntil(new Promise<void>((resolve) => (release = resolve)))
    const unheld = new ArticleIndex(corpus, { mode: 'local', shards: 1 })
    try {
      let isSummarized = false
      const summarized = index.start().then((result) => {
        isSummarized = true
        return result
      })
      // NOTE: instead of sleeping: the same folder indexed in the same thread with no hold, started later, completes;
      // the held index must not have listed or read anything meanwhile.
      expect((await unheld.start()).ok).toBe(true)
      expect(isSummarized).toBe(false)
      expect(index.snapshot().done).toBe(0)
      release()
      expect((await summarized).ok).toBe(true)
      expect(index.snapshot().done).toBe(unheld.snapshot().done)
    } finally {
      await Promise.all([index.dispose(), unheld.dispose()])
    }
  })

  it('writes the file in parts that make the same JSON as the whole at once, and reads it back', () => {
    const article = (i: number): CachedArticle => ({
      size: i, mtimeMs: i + 0.5, ctimeMs: i + 1, publishDate: i % 2 === 0 ? null : '2030-01-01', expiryDate: null,
      problems: i % 4 === 0 ? null : i % 4 === 1 ? [] : [{ line: 2, column: 3, severity: 'error', message: 'bad' }, { line: 4, column: 1, severity: 'warning', message: `w${i}` }],
      summary: { path: `p/${i}.md`, title: `T "${i}" é`, date: null, isDraft: i % 3 === 0, format: 'yaml', lastmod: null, tags: ['a'], categories: [], wordCount: i, error: i === 7 ? { message: 'bad', line: 2, column: 3 } : undefined },
    })
    for (const count of [0, 1, 499, 500, 501, 1234]) {
      const articles = Array.from({ length: count }, (_, i) => article(i))
      const bytes = cacheBytes('/r', articles)
      const parsed = JSON.parse(bytes.toString('utf8')) as CacheBody
      expect(parsed.articles).toHaveLength(count)
      expect(parsed.root).toBe('/r')
      const file = path.join(cacheDir, `c${count}.json`)
      fs.writeFileSync(file, bytes)
      const loaded = loadShardCache(file, '/r')
      expect(loaded.size).toBe(count)
      if (count > 7) expect(loaded.get('p/7.md')).toEqual({ ...article(7), summary: { ...article(7).summary, error: { message: 'bad', line: 2, column: 3 } } })
      if (count > 8) expect(loaded.get('p/8.md')).toEqual({ ...article(8), summary: (({ error: _e, ...rest }) => rest)(article(8).summary) })
    }
  })

  it('keeps a row written before words were counted (`folio index`) without a word count, not as zero words', () => {
    const summary: ArticleSummary = { path: 'a.md', title: 'A', date: null, isDraft: false, format: 'yaml', lastmod: null, tags: [], categories: [] }
    const file = path.join(cacheDir, 'no-words.json')
    fs.writeFileSync(file, cacheBytes('/r', [{ size: 1, mtimeMs: 2, ctimeMs: 3, summary, publishDate: null, expiryDate: null, problems: null }]))
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as CacheBody).articles[0]?.[11]).toBeNull()
    expect(loadShardCache(file, '/r').get('a.md')?.summary).toEqual(summary)
    expect('wordCount' in (loadShardCache(file, '/r').get('a.md')?.summary ?? {})).toBe(false)
  })

  it('is not used under other site rules: a cache written in UTC is ignored once the config names a time zone', () => {
    const article: CachedArticle = {
      size: 1, mtimeMs: 1, ctimeMs: 1, publishDate: '2030-01-01T00:00:00Z', expiryDate: null, problems: null,
      summary: { path: 'a.md', title: 'A', date: null, isDraft: false, format: 'yaml', lastmod: null, tags: [], categories: [], wordCount: 1 },
    }
    const file = path.join(cacheDir, 'rules.json')
    fs.writeFileSync(file, cacheBytes('/r', [article], rulesWithTimeZone(null)))
    expect(loadShardCache(file, '/r', rulesWithTimeZone(null)).size).toBe(1)
    expect(loadShardCache(file, '/r', rulesWithTimeZone('Asia/Kolkata')).size).toBe(0)
    fs.writeFileSync(file, cacheBytes('/r', [article], rulesWithTimeZone('Asia/Kolkata')))
    expect(loadShardCache(file, '/r', rulesWithTimeZone('Asia/Kolkata')).size).toBe(1)
  })
})
