import fs from 'node:fs'
import path from 'node:path'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { searchFolderOnce } from '../../../../src/core/index/folder-search'
import { forEachTerm, queryTerms, TermIndex } from '../../../../src/core/index/term-index'
import { TermScanner } from '../../../../src/core/index/term-scan'
import { makeCorpus, removeTempDir } from '../corpus'

const workerScript = new URL('../../../../src/core/index/scan-worker.ts', import.meta.url)

/** Texts where matching by lower-cased position could differ from the index's own word splitting. */
const tricky = [
  'Plain words, Harbour and HARBOURS; harbour-side.',
  'İstanbul ist eine Stadt: İ lower-cases to two characters.',
  'ΟΔΟΣ ΣΟΦΟΣ: a Greek capital sigma lower-cases by context.',
  'The Kelvin sign \u212Aelvin lower-cases to ASCII k.',
  `${'x'.repeat(70)} ${'y'.repeat(64)} a word longer than 64 characters is not indexed`,
  'non\u00a0breaking\u2003em\u3000ideographic\ufeffbom separators café naïve 東京',
  'surrogates 𝒜lpha and emoji😀joined',
]

describe('TermScanner', () => {
  it('agrees with the term index on every word and prefix of tricky and generated texts', () => {
    const corpus = makeCorpus(40, 4)
    try {
      const texts = [...tricky]
      for (const entry of fs.readdirSync(corpus, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.md')) texts.push(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      }
      const index = new TermIndex()
      for (const text of texts) index.add('posts/some-path.md', text)
      const queries = new Set<string>(['harbour', 'harbours', 'harb', 'istanbul', 'i̇stanbul', 'οδος', 'σοφος', 'σοφοσ', 'kelvin', 'y', 'x', 'yyyy', 'breaking em', 'bom', 'café', 'alpha', '𝒜lpha', 'posts path', 'some', 'zzz', '東京'])
      for (const text of texts.slice(0, 12)) {
        let n = 0
        forEachTerm(text, (word) => {
          if (n++ % 7 === 0) queries.add(word)
          if (n % 11 === 0) queries.add(word.slice(0, 3))
        })
      }
      let matched = 0
      for (const query of queries) {
        const terms = queryTerms(query)
        const scanner = new TermScanner(terms)
        const scanned = texts.flatMap((text, id) => (scanner.matches('posts/some-path.md', text) ? [id] : []))
        expect(scanned, query).toEqual(index.match(terms))
        matched += scanned.length
      }
      expect(matched).toBeGreaterThan(100)
    } finally {
      removeTempDir(corpus)
    }
  })
})

describe('searchFolderOnce', () => {
  let corpus = ''
  let index: ArticleIndex
  beforeAll(async () => {
    corpus = makeCorpus(150, 6)
    fs.writeFileSync(path.join(corpus, 'content', 'zz-harbour.md'), '---\ntitle: "Council harbour notes"\n---\nThe quixotic council met.\n')
    index = new ArticleIndex(corpus, { mode: 'local' })
    expect((await index.start()).ok).toBe(true)
    await index.whenSearchable()
  })
  afterAll(async () => {
    await index.dispose()
    removeTempDir(corpus)
  })

  it('gives the folder index answer (hits, order, titles, snippets, total) in this thread and on workers', async () => {
    for (const query of ['council', 'quixotic', 'council harb', 'the', 'zzzabsent', 'draft']) {
      const indexed = await index.search(query, 20)
      const local = await searchFolderOnce(corpus, query, 20, { workers: 0 })
      expect(local, query).toEqual(indexed)
    }
    // NOTE: one worker run (workers start through tsx from sources: slow, so once); chunks of 500 paths, so 2 workers.
    const onWorkers = await searchFolderOnce(corpus, 'council', 20, { workers: 2, workerThreshold: 1, workerScript })
    expect(onWorkers).toEqual(await index.search('council', 20))
  })

  it('answers an empty query with nothing and an unreadable folder with an error', async () => {
    expect(await searchFolderOnce(corpus, ' ,; ', 20)).toEqual({ ok: true, value: { query: ' ,; ', hits: [], total: 0, isComplete: true } })
    const missing = await searchFolderOnce(path.join(corpus, 'no-such-folder'), 'x', 20)
    expect(missing.ok).toBe(false)
  })
})
