import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary, FolderEvent } from '@shared/api'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { summaryValuesByParser } from '../../../../src/core/index/article-record'
import { textProblemOf } from '../../../../src/core/text-problem'
import { listAllFiles, makeCorpus, removeTempDir } from '../corpus'

let corpus = ''
beforeAll(() => {
  corpus = makeCorpus(600, 12)
})
afterAll(() => removeTempDir(corpus))

async function indexed(mode: 'local' | 'worker', onEvent?: (e: FolderEvent) => void): Promise<ArticleIndex> {
  const index = new ArticleIndex(corpus, { mode, shards: 2, onEvent })
  const started = await index.start()
  expect(started.ok).toBe(true)
  return index
}

/** The error a summary shows: the file's, when its bytes are not UTF-8 text (it opens read-only), else the parser's. */
function expectedError(bytes: Buffer, parserError: ArticleSummary['error'] | null): ArticleSummary['error'] {
  const problem = textProblemOf(bytes)
  if (problem === null) return parserError ?? undefined
  return { message: `${problem.message} It opens read-only.`, line: problem.line, column: problem.column, isFileError: true, isReadOnly: true }
}

function expectMatchesParser(articles: ArticleSummary[]): void {
  let notText = 0
  for (const a of articles) {
    if (a.error?.message.includes('10 MB')) continue
    const bytes = fs.readFileSync(path.join(corpus, a.path))
    const text = bytes.toString('utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
    const { values, error } = summaryValuesByParser(text)
    if (a.error?.isReadOnly) notText++
    expect({ path: a.path, title: a.title, date: a.date, draft: a.isDraft, tags: a.tags, error: a.error }).toEqual({
      path: a.path, title: values.title, date: values.date, draft: values.isDraft, tags: values.tags, error: expectedError(bytes, error),
    })
  }
  // NOTE: the generated broken files include binary and invalid UTF-8 ones; the list must flag them.
  expect(notText).toBeGreaterThan(0)
}

describe('ArticleIndex', () => {
  it('indexes every article of a generated corpus with the parser\'s values, counts and errors (in-process)', async () => {
    const events: FolderEvent[] = []
    const index = await indexed('local', (e) => events.push(e))
    try {
      const snapshot = index.snapshot()
      const expected = listAllFiles(corpus).filter((f) => f.endsWith('.md')).sort()
      expect(snapshot.articles.map((a) => a.path)).toEqual(expected)
      expect(snapshot).toMatchObject({ done: expected.length, total: expected.length, isComplete: true })
      expect(snapshot.articles.filter((a) => a.error !== undefined).length).toBeGreaterThanOrEqual(5)
      expect(new Set(snapshot.articles.map((a) => a.format))).toEqual(new Set(['yaml', 'toml', 'json', 'none']))
      expectMatchesParser(snapshot.articles)
      const progress = events.filter((e): e is Extract<FolderEvent, { kind: 'index-progress' }> => e.kind === 'index-progress')
      // NOTE: the listing comes in chunks, each handed to the shards at once: the total grows until it is listed.
      expect(progress[0]).toMatchObject({ kind: 'index-progress', done: 0 })
      expect(progress[0]?.total).toBeGreaterThan(0)
      expect(progress.every((p, i) => i === 0 || p.total >= (progress[i - 1]?.total ?? 0))).toBe(true)
      expect(progress.at(-1)).toEqual({ kind: 'index-progress', done: expected.length, total: expected.length })
      const batched = new Set(events.flatMap((e) => (e.kind === 'articles-indexed' ? e.articles.map((a) => a.path) : [])))
      expect(batched.size).toBe(expected.length)
      await index.whenSearchable()
      expect(index.snapshot().articles.every((a) => typeof a.wordCount === 'number' || a.error !== undefined)).toBe(true)
    } finally {
      await index.dispose()
    }
  })

  it('gives the same index from worker threads as in-process, and searches with snippets', async () => {
    const local = await indexed('local')
    const workers = await indexed('worker')
    try {
      await Promise.all([local.whenSearchable(), workers.whenSearchable()])
      expect(workers.snapshot().articles).toEqual(local.snapshot().articles)
      const a = await local.search('Summit crisis', 10)
      const b = await workers.search('summit CRISIS', 10)
      expect(a.ok && b.ok).toBe(true)
      if (!a.ok || !b.ok) return
      expect(b.value.hits).toEqual(a.value.hits)
      expect(a.value.total).toBeGreaterThan(10)
      expect(a.value.hits.length).toBe(10)
      const grepped = listAllFiles(corpus).filter((f) => {
        const text = fs.readFileSync(path.join(corpus, f), 'utf8').toLowerCase()
        return f.endsWith('.md') && /\bsummit\b/.test(text) && /\bcrisis/.test(text)
      })
      expect(a.value.total).toBe(grepped.length)
      for (const hit of a.value.hits) {
        const snippet = hit.snippets[0]
        expect(snippet).toBeDefined()
        const marked = (snippet?.highlights ?? []).map(([from, to]) => snippet?.text.slice(from, to).toLowerCase())
        expect(marked.length).toBeGreaterThan(0)
        for (const word of marked) expect(['summit', 'crisis'].some((t) => word?.startsWith(t))).toBe(true)
      }
      const none = await local.search('zzzznotaword')
      expect(none.ok && none.value.total).toBe(0)
    } finally {
      await Promise.all([local.dispose(), workers.dispose()])
    }
  }, 120_000)

  it('updates and removes single articles without a rescan', async () => {
    const index = await indexed('local')
    try {
      await index.whenSearchable()
      const rel = index.snapshot().articles.find((a) => a.format === 'yaml' && !a.error)?.path as string
      const abs = path.join(corpus, rel)
      const before = fs.readFileSync(abs, 'utf8')
      fs.writeFileSync(abs, '---\ntitle: "Quixotic zebra"\ntags: [zoo]\n---\nunusualword here\n')
      try {
        const updated = await index.update(rel)
        expect(updated?.summary).toMatchObject({ title: 'Quixotic zebra', tags: ['zoo'], wordCount: 2 })
        const found = await index.search('unusualword')
        expect(found.ok && found.value.hits.map((h) => h.path)).toEqual([rel])
        await index.remove(rel)
        expect(index.summaryOf(rel)).toBeUndefined()
        const gone = await index.search('unusualword')
        expect(gone.ok && gone.value.total).toBe(0)
      } finally {
        fs.writeFileSync(abs, before)
      }
    } finally {
      await index.dispose()
    }
  })

  it('answers the list in pages by path that stay right as articles come and go', async () => {
    const index = await indexed('local')
    try {
      const all = index.snapshot().articles.map((a) => a.path)
      const paged: string[] = []
      let after: string | null = null
      do {
        const page = index.snapshot({ after, limit: 37 })
        expect(page.articles.length).toBeLessThanOrEqual(37)
        paged.push(...page.articles.map((a) => a.path))
        after = page.nextAfter
      } while (after !== null)
      expect(paged).toEqual(all)
      const rel = all[0]
      const abs = path.join(corpus, rel)
      const text = fs.readFileSync(abs)
      fs.rmSync(abs)
      try {
        await index.update(rel)
        expect(index.snapshot({ after: null, limit: 1 }).articles[0]?.path).toBe(all[1])
      } finally {
        fs.writeFileSync(abs, text)
      }
      await index.update(rel)
      expect(index.snapshot({ after: null, limit: 2 }).articles.map((a) => a.path)).toEqual(all.slice(0, 2))
    } finally {
      await index.dispose()
    }
  })

  it('closes quietly in the middle of indexing (no unhandled rejection), and builds the folder schema in a worker', async () => {
    const schemaIndex = new ArticleIndex(corpus, { mode: 'worker', shards: 2 })
    const schema = await schemaIndex.folderSchema()
    expect(schema.ok && schema.value.articleCount).toBe(listAllFiles(corpus).filter((f) => f.endsWith('.md')).length)
    expect(schema.ok && schema.value.fields.some((f) => f.key === 'title')).toBe(true)
    await schemaIndex.dispose()
    const rejections: unknown[] = []
    const onRejection = (reason: unknown): void => void rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      // NOTE: closed when the first summaries arrive (mid-index by an event, not after a guessed sleep); once the
      // workers are gone and start() has settled, one turn of the event loop reports any rejection left unhandled.
      let onFirstRows = (): void => undefined
      const firstRows = new Promise<void>((resolve) => (onFirstRows = resolve))
      const index = new ArticleIndex(corpus, { mode: 'worker', shards: 2, onEvent: (e) => e.kind === 'articles-indexed' && onFirstRows() })
      const started = index.start()
      await firstRows
      await index.dispose()
      await started
      await new Promise((resolve) => setImmediate(resolve))
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })
})
