import fs from 'node:fs'
import path from 'node:path'
import { parseFrontMatter } from '@shared/front-matter/parse'
import { checkFolder } from '../../../../src/core/check/folder-check'
import type { FileCheck } from '../../../../src/core/check/file-check'
import { decodeText } from '../../../../src/core/file-codec'
import { siteRulesForFolderSync } from '../../../../src/core/hugo-site'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { buildStatusOf, summaryValuesOfParsed } from '../../../../src/core/index/article-record'
import { shardCacheFile } from '../../../../src/core/index/summary-cache'
import { makeCorpus, makeTempDir, removeTempDir } from '../corpus'

// `folio check` on a folder runs on the folder index's pipeline (its shards, worker threads and summary cache): the
// verdicts must be exactly what checking each file alone gives, and a cached verdict is used only while the file's
// size, mtime and ctime are those it was found with.

let corpus = ''
let cacheDir = ''
const extra: Record<string, string | Buffer> = {
  'x/a.md': '---\ntitle: fine\n---\nbody\n',
  'x/b.md': '---\ntitle: a\ntitle: "b\n---\n',
  'x/c.md': '---\ntitle: a\ncomments: yes\n---\n',
  'x/d.md': Buffer.from([0, 1, 2]),
  'x/e.md': '\uFEFF+++\ntitle = "x"\r\ndate = 2024-13-40\r\n+++\r\n',
  'x/f.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
  'x/g.md': '{ "title": "j", "Title": "k", "expiryDate": "2001-01-01" }\n',
  'x/h.md': '---\ntitle: h\n----\nbody\n',
  'x/i.md': '---\ntitle: d\ndraft: yes\npublishDate: 2999-01-01\n---\n',
  'x/j.md': Buffer.concat([Buffer.from('---\ntitle: fine head\n---\nbody then '), Buffer.from([0xff, 0xfe]), Buffer.from(' bad bytes\n')]),
  'x/k.md': '\uFEFF---\r\ntitle: k\r\ncomments: on\r\ndate: not a date\r\n---\r\n' + 'long body line\r\n'.repeat(6000),
}

beforeAll(() => {
  corpus = makeCorpus(240, 12)
  for (const [rel, bytes] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true })
    fs.writeFileSync(path.join(corpus, rel), bytes)
  }
})
afterAll(() => removeTempDir(corpus))
beforeEach(() => {
  cacheDir = makeTempDir('folio-check-cache-')
})
afterEach(() => removeTempDir(cacheDir))

/** What `folio check` said of one file before it ran on the index's pipeline: one parse of the whole decoded text. */
function checkedAlone(root: string, rel: string): Omit<FileCheck, 'rel'> {
  const decoded = decodeText(fs.readFileSync(path.join(root, rel)))
  if (!decoded.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: decoded.error.message }], build: 'published' }
  const text = decoded.value.text
  const parsed = parseFrontMatter(text)
  const problems = [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset).map(({ line, column, severity, message }) => ({ line, column, severity, message }))
  return { problems, build: buildStatusOf(summaryValuesOfParsed(text, parsed, siteRulesForFolderSync(root).rules).values, Date.now()) }
}

async function check(mode: 'local' | 'worker' = 'local', withCache = true): Promise<Map<string, Omit<FileCheck, 'rel'>>> {
  const checked = await checkFolder(corpus, { mode, cacheDir: withCache ? cacheDir : null })
  if (!checked.ok) throw new Error(checked.error.message)
  expect(checked.value.map((f) => f.rel)).toEqual([...checked.value.map((f) => f.rel)].sort())
  return new Map(checked.value.map(({ rel, ...rest }) => [rel, { problems: [...rest.problems], build: rest.build }]))
}

// NOTE: rows are [path, size, mtimeMs, ctimeMs, …, error, problems] (see summary-cache).
type CacheBody = { version: number; root: string; articles: unknown[][] }

/** Rewrites the cache row of `rel` (in whichever shard file holds it); false when no row holds it. */
function rewriteRow(rel: string, change: (row: unknown[]) => void): boolean {
  for (const file of [0, 1].map((i) => shardCacheFile(cacheDir, corpus, i, 2))) {
    const body = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheBody
    const row = body.articles.find((r) => r[0] === rel)
    if (row === undefined) continue
    change(row)
    fs.writeFileSync(file, JSON.stringify(body))
    return true
  }
  return false
}

const fakeProblem = (rel: string): unknown[] => [[1, 1, 'e', `from the cache: ${rel}`]]

describe('checkFolder', () => {
  it('gives every file exactly the problems and build verdict it gets checked alone, in this thread and on worker threads', async () => {
    const here = await check('local', false)
    const listed = [...here.keys()]
    expect(listed.length).toBeGreaterThan(250)
    expect(Object.fromEntries(listed.map((rel) => [rel, here.get(rel)]))).toEqual(Object.fromEntries(listed.map((rel) => [rel, checkedAlone(corpus, rel)])))
    expect(here.get('x/b.md')?.problems.map((p) => `${p.line}:${p.column} ${p.severity}`)).toEqual(['3:8 error'])
    expect(here.get('x/c.md')?.problems.map((p) => `${p.line}:${p.column} ${p.severity}`)).toEqual(['3:11 warning'])
    expect(here.get('x/i.md')?.build).toBe('draft')
    const threads = await check('worker')
    expect(threads).toEqual(here)
    // NOTE: the second run on worker threads takes its verdicts from the cache the first one wrote.
    expect(rewriteRow('x/a.md', (row) => (row[15] = fakeProblem('x/a.md')))).toBe(true)
    expect((await check('worker')).get('x/a.md')?.problems[0]?.message).toBe('from the cache: x/a.md')
  })

  it('takes verdicts from the cache only while size, mtime and ctime are unchanged, and reads added files and drops removed ones', async () => {
    const cold = await check()
    const names = ['x/a.md', 'x/b.md', 'x/c.md', 'x/g.md', 'x/i.md']
    for (const rel of names) expect(rewriteRow(rel, (row) => (row[15] = fakeProblem(rel)))).toBe(true)
    rewriteRow('x/b.md', (row) => (row[1] = (row[1] as number) + 1))
    rewriteRow('x/c.md', (row) => (row[2] = (row[2] as number) - 1000))
    rewriteRow('x/g.md', (row) => (row[3] = (row[3] as number) - 1000))
    // NOTE: a mode change moves only the ctime (size and mtime stay): the file is read again all the same.
    fs.chmodSync(path.join(corpus, 'x/i.md'), 0o600)
    fs.writeFileSync(path.join(corpus, 'x/new.md'), '---\ntitle: new\ndraft: true\n---\n')
    fs.renameSync(path.join(corpus, 'x/h.md'), path.join(corpus, 'x/h.txt'))
    try {
      const warm = await check()
      expect(warm.get('x/a.md')?.problems[0]?.message).toBe('from the cache: x/a.md')
      for (const rel of ['x/b.md', 'x/c.md', 'x/g.md', 'x/i.md']) expect(warm.get(rel)).toEqual(checkedAlone(corpus, rel))
      expect(warm.get('x/new.md')).toEqual({ problems: [], build: 'draft' })
      expect(warm.has('x/h.md')).toBe(false)
      expect(warm.size).toBe(cold.size)
    } finally {
      fs.renameSync(path.join(corpus, 'x/h.txt'), path.join(corpus, 'x/h.md'))
      fs.rmSync(path.join(corpus, 'x/new.md'))
    }
  })

  it('ignores a damaged cache and reads the files a summary-only cache (the index\'s) has no problems for', async () => {
    const cold = await check()
    const file = shardCacheFile(cacheDir, corpus, 0, 2)
    const body = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheBody
    const rel = body.articles[0]?.[0] as string
    rewriteRow(rel, (row) => (row[15] = [[1, 1, 'x', 'not a severity']]))
    expect(await check()).toEqual(cold)
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100))
    expect(await check()).toEqual(cold)
    // NOTE: a row the index wrote (no problems known) with a made-up verdict: the file is read, not trusted.
    rewriteRow(rel, (row) => {
      row[6] = true
      row[15] = null
    })
    expect((await check()).get(rel)).toEqual(cold.get(rel))
  })

  it('keeps its verdicts in the cache when the app\'s index rewrites it, and the index reads the rows check wrote', async () => {
    const cold = await check()
    rewriteRow('x/a.md', (row) => (row[15] = fakeProblem('x/a.md')))
    const index = new ArticleIndex(corpus, { mode: 'local', cacheDir })
    try {
      expect((await index.start()).ok).toBe(true)
      await index.whenSearchable()
      expect(index.snapshot().articles.find((a) => a.path === 'x/i.md')?.buildStatus).toBe(cold.get('x/i.md')?.build)
    } finally {
      await index.dispose()
    }
    const warm = await check()
    expect(warm.get('x/a.md')?.problems[0]?.message).toBe('from the cache: x/a.md')
    expect(warm.get('x/b.md')).toEqual(cold.get('x/b.md'))
  })
})
