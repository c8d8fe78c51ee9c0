import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { summarizeFirstRows } from '../../../../src/core/index/first-rows'

// The first rows of a watched index are read in the host's thread before its shards start (or load their cache), so
// a list shows rows at once. Shown by order: a shard that never answers, and the rows are there all the same.
const silentWorker = new URL('../../../support/silent-index-worker.ts', import.meta.url)
let base = ''
let site = ''

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-first-rows-'))
  site = path.join(base, 'site')
  fs.mkdirSync(path.join(site, 'posts', 'deep'), { recursive: true })
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(site, 'posts', `p${String(i).padStart(2, '0')}.md`), `---\ntitle: Post ${i}\ndate: 2024-01-02\ntags: [a, b]\ndraft: ${i % 2 === 0}\n---\nBody ${i}\n`)
  fs.writeFileSync(path.join(site, 'posts', 'deep', 'broken.md'), '---\ntitle: [unclosed\n---\n')
  fs.writeFileSync(path.join(site, 'posts', 'deep', 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]))
})
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

it('summarizes the first articles found exactly as the index does, errors included', async () => {
  const index = new ArticleIndex(site, { mode: 'local', shards: 1 })
  try {
    expect((await index.start()).ok).toBe(true)
    const rows = summarizeFirstRows(site, { max: 100, budgetMs: Infinity })
    expect(rows).toHaveLength(32)
    // NOTE: the index's full-text pass adds word counts; the summary pass (and these rows) have none.
    for (const row of rows) expect(row).toEqual({ ...index.summaryOf(row.path), wordCount: undefined })
    expect(rows.find((r) => r.path === 'posts/deep/broken.md')?.error).toBeDefined()
    expect(rows.find((r) => r.path === 'posts/deep/latin1.md')?.error?.isReadOnly).toBe(true)
  } finally {
    await index.dispose()
  }
})

it('reads at most `max` files, and at least `min` however long they take', () => {
  expect(summarizeFirstRows(site, { max: 5 })).toHaveLength(5)
  expect(summarizeFirstRows(site, { max: 32, min: 10, budgetMs: -1 })).toHaveLength(10)
})

it('sends the first rows before its shard has answered anything (listing, cache or summaries)', async () => {
  const cacheDir = path.join(base, 'cache')
  // NOTE: a summary cache for the folder exists (an earlier open left it); the silent shard never loads it.
  const warm = new ArticleIndex(site, { mode: 'local', shards: 1, cacheDir })
  expect((await warm.start()).ok).toBe(true)
  await warm.whenSearchable()
  await warm.dispose()
  expect(fs.readdirSync(path.join(cacheDir, 'index')).length).toBeGreaterThan(0)

  const events: FolderEvent[] = []
  const index = new ArticleIndex(site, { mode: 'worker', shards: 1, workerScript: silentWorker, cacheDir, onEvent: (event) => events.push(event) })
  try {
    void index.start()
    const sent = events.flatMap((event) => (event.kind === 'articles-indexed' ? event.articles : []))
    expect(sent.length).toBeGreaterThanOrEqual(24)
    expect(sent.every((row) => row.title !== null || row.error !== undefined)).toBe(true)
    const snapshot = index.snapshot()
    expect(snapshot.articles.map((a) => a.path)).toEqual(sent.map((a) => a.path).sort())
    expect(snapshot.isComplete).toBe(false)
  } finally {
    await index.dispose()
  }
})
