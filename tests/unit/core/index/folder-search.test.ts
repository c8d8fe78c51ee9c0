import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { maxScannedBytes } from '../../../../src/core/index/scan-read'
import { idleCoreWorkers, isRunnableTask, listFolder, othersRunnable, scanFolder, scanWorkerCount, searchFolderOnce } from '../../../../src/core/index/folder-search'
import { forEachTerm, queryTerms, TermIndex } from '../../../../src/core/index/term-index'
import { TermScanner } from '../../../../src/core/index/term-scan'
import { watchClaims } from '../../../support/scan-claims-channel'
import { makeCorpus, removeTempDir } from '../corpus'

const workerScript = new URL('../../../../src/core/index/scan-worker.ts', import.meta.url)
const quittingWorker = new URL('../../../support/scan-worker-quits.ts', import.meta.url)
const reportingWorker = new URL('../../../support/scan-worker-reports.ts', import.meta.url)

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
    // NOTE: titles the scan's cheap title check must not miss (multi-line, other key case, TOML, JSON, escapes, aliases).
    const titled: Record<string, string> = {
      'multi.md': '---\ntitle: Notes on the\n  council harbour\ndate: 2024-01-01\n---\nbody council\n',
      'upper.md': '---\nTITLE: Council\n---\nbody council\n',
      'toml.md': '+++\ntitle = """\nThe council\n"""\n+++\nbody council\n',
      'json.md': '{"date": "2024-01-01", "title": "A council"}\nbody council\n',
      'escaped.md': '---\ntitle: "\\x43ouncil"\n---\nbody council\n',
      'alias.md': '---\nbase: &t Council alias\ntitle: *t\n---\nbody council\n',
      'summary-only.md': '---\ntitle: Other\nsummary: council\n---\nbody council\n',
      'crlf.md': '---\r\ntitle: Council CRLF\r\n---\r\nbody council\r\n',
    }
    for (const [name, text] of Object.entries(titled)) fs.writeFileSync(path.join(corpus, 'content', name), text)
    index = new ArticleIndex(corpus, { mode: 'local' })
    expect((await index.start()).ok).toBe(true)
    await index.whenSearchable()
  })
  afterAll(async () => {
    await index.dispose()
    removeTempDir(corpus)
  })

  it('gives the folder index answer (hits, order, titles, snippets, total) in this thread and on workers', async () => {
    for (const query of ['council', 'quixotic', 'council harb', 'the', 'zzzabsent', 'draft', 'notes council', 'alias']) {
      const indexed = await index.search(query, 20)
      const local = await searchFolderOnce(corpus, query, 20, { workers: 0 })
      expect(local, query).toEqual(indexed)
    }
    // NOTE: one worker run (workers start through tsx from sources: slow, so once); chunks of 500 paths, so 2 workers.
    const onWorkers = await searchFolderOnce(corpus, 'council', 20, { workers: 2, workerThreshold: 1, workerScript })
    expect(onWorkers).toEqual(await index.search('council', 20))
  })

  it('finds the same whichever thread scans a chunk: a worker that claimed every chunk, or one that died holding one', async () => {
    const terms = queryTerms('council')
    const settings = { limit: 20, withTitles: true }
    const all: string[] = []
    expect((await listFolder(corpus)((paths) => all.push(...paths))).ok).toBe(true)
    const chunkCount = Math.ceil(all.length / 10)
    // NOTE: chunks of 10 paths, so there are many to share out; the listing ends only once `isClaimed` holds.
    const listing =
      (isClaimed: () => boolean) =>
      async (take: (paths: string[]) => void): Promise<Result<void>> => {
        for (let at = 0; at < all.length; at += 10) take(all.slice(at, at + 10))
        await vi.waitFor(() => expect(isClaimed()).toBe(true), { timeout: 30_000, interval: 5 })
        return ok(undefined)
      }
    const alone = await scanFolder(corpus, terms, settings, listing(() => true), { workers: 0 })
    expect(alone.ok && alone.value.total).toBeGreaterThan(100)
    // NOTE: the worker (the real one, which shows the test the scan's claim counter) claims every chunk before the
    // listing ends: this thread claims nothing before then, so the worker scans every chunk.
    const claims = watchClaims(corpus)
    try {
      const onWorker = await scanFolder(corpus, terms, settings, listing(() => claims.claimed() === chunkCount), { workers: 1, workerThreshold: 1, workerScript: reportingWorker })
      expect(onWorker).toEqual(alone)
    } finally {
      claims.close()
    }
    // NOTE: the first chunk (which holds matches) is claimed by a worker that exits without answering.
    const lost = watchClaims(corpus)
    try {
      const afterDeath = await scanFolder(corpus, terms, settings, listing(() => lost.claimed() === 1), { workers: 1, workerThreshold: 1, workerScript: quittingWorker })
      expect(afterDeath).toEqual(alone)
    } finally {
      lost.close()
    }
  })

  it('answers an empty query with nothing and an unreadable folder with an error', async () => {
    expect(await searchFolderOnce(corpus, ' ,; ', 20)).toEqual({ ok: true, value: { query: ' ,; ', hits: [], total: 0, isComplete: true } })
    const missing = await searchFolderOnce(path.join(corpus, 'no-such-folder'), 'x', 20)
    expect(missing.ok).toBe(false)
  })
})

describe('the folder scan (folio search, and a search while the index builds)', () => {
  let dir = ''
  let site = ''
  let outside = ''
  beforeAll(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-scan-')))
    site = path.join(dir, 'site')
    outside = path.join(dir, 'outside')
    fs.mkdirSync(path.join(site, 'sub'), { recursive: true })
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(site, 'sub', 'a.md'), '---\ntitle: Inside\n---\ninsideword\n')
    fs.writeFileSync(path.join(site, 'plain.md'), '---\ntitle: Plain\n---\nCRLF\r\nkeyword here\r\n')
    fs.writeFileSync(path.join(outside, 'a.md'), '---\ntitle: Secret\n---\nsecretword\n')
    // NOTE: sparse: 10 MB + 1 byte of holes, with the word in its first bytes.
    fs.writeFileSync(path.join(site, 'huge.md'), 'keyword\n')
    fs.truncateSync(path.join(site, 'huge.md'), maxScannedBytes + 1)
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(site, 'pipe.md')])
      fs.symlinkSync(path.join(outside, 'a.md'), path.join(site, 'link.md'))
    }
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('skips a FIFO and a link (no article), and names a file over 10 MB in a note instead of reading it', async () => {
    const found = await searchFolderOnce(site, 'keyword', 20, { workers: 0 })
    expect(found.ok && found.value.hits.map((h) => h.path)).toEqual(['plain.md'])
    expect(found.ok && found.value.note).toBe('1 file(s) not searched: huge.md (larger than 10 MB).')
    expect(found.ok && found.value.isComplete).toBe(true)
    const secret = await searchFolderOnce(site, 'secretword', 20, { workers: 0 })
    expect(secret.ok && secret.value.total).toBe(0)
  })

  it('lists articles in the path order of the ranking, so a scan stops working out titles once its best are found', async () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-walk-order-'))
    try {
      for (const rel of ['a.md', 'a/b.md', 'a-b.md', 'a/a/z.md', 'B.md', 'a0.md', 'ä.md', 'a/\u{1D49C}.md', 'a/\uE000.md', 'a b/c.md']) {
        fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true })
        fs.writeFileSync(path.join(tree, rel), 'x\n')
      }
      const listed: string[] = []
      expect((await listFolder(tree)((paths) => listed.push(...paths))).ok).toBe(true)
      expect(listed).toHaveLength(10)
      expect(listed).toEqual([...listed].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    } finally {
      fs.rmSync(tree, { recursive: true, force: true })
    }
  })

  it('reads a file larger than the scan buffer whole (the last word of 600 KB found)', async () => {
    const big = path.join(site, 'big.md')
    fs.writeFileSync(big, `---\ntitle: Big\n---\n${'filler words here\n'.repeat(35000)}lastword\n`)
    try {
      const found = await searchFolderOnce(site, 'lastword', 20, { workers: 0 })
      expect(found.ok && found.value.hits.map((h) => [h.path, h.title])).toEqual([['big.md', 'Big']])
    } finally {
      fs.rmSync(big)
    }
  })

  it.runIf(process.platform === 'linux')('never reads a file outside the folder when a folder of the path is swapped for a link after listing', async () => {
    const readFrom: string[] = []
    const realRead = fs.readSync
    const spy = vi.spyOn(fs, 'readSync').mockImplementation((fd: number, ...rest: unknown[]) => {
      readFrom.push(fs.readlinkSync(`/proc/self/fd/${fd}`))
      return (realRead as (...args: unknown[]) => number)(fd, ...rest)
    })
    const parked = path.join(site, 'parked')
    try {
      // NOTE: the listing finds the real `sub`; then `sub` becomes a link to the outside folder, before any read.
      const listing = (take: (paths: string[]) => void): Promise<Result<void>> => {
        take(['sub/a.md', 'plain.md'])
        fs.renameSync(path.join(site, 'sub'), parked)
        fs.symlinkSync(outside, path.join(site, 'sub'))
        return Promise.resolve(ok(undefined))
      }
      const scanned = await scanFolder(site, ['secretword'], { limit: 20, withTitles: true }, listing, { workers: 0 })
      expect(scanned.ok && scanned.value.total).toBe(0)
      expect(readFrom.length).toBeGreaterThan(0)
      expect(readFrom.filter((p) => !p.startsWith(site + path.sep))).toEqual([])
    } finally {
      spy.mockRestore()
      fs.unlinkSync(path.join(site, 'sub'))
      fs.renameSync(parked, path.join(site, 'sub'))
    }
  })
})

describe('scanWorkerCount', () => {
  it('starts workers only with a core to spare on a machine not already busy', () => {
    expect(scanWorkerCount(2, 0.4)).toBe(1)
    expect(scanWorkerCount(2, 1.9)).toBe(1)
    expect(scanWorkerCount(2, 2)).toBe(0)
    expect(scanWorkerCount(2, 17.5)).toBe(0)
    expect(scanWorkerCount(1, 0)).toBe(0)
    expect(scanWorkerCount(8, 3)).toBe(3)
    // NOTE: Windows keeps no load average (os.loadavg() gives zeros): workers are used there.
    expect(scanWorkerCount(4, 0)).toBe(3)
  })

  it('counts, where the system tells, the threads runnable now and starts a worker per core nobody else wants', () => {
    expect(othersRunnable('0.47 1.87 3.78 1/345 12345\n')).toBe(0)
    expect(othersRunnable('4.90 3.00 2.00 3/400 999\n')).toBe(2)
    expect(othersRunnable('17.43 17.86 12.57 18/612 31337')).toBe(17)
    expect(othersRunnable('')).toBeNull()
    expect(othersRunnable('garbage')).toBeNull()
    // NOTE: this process's own runnable threads (V8's helpers while a command starts) are no other's.
    expect(othersRunnable('1.20 0.80 0.50 4/400 999\n', 3)).toBe(1)
    expect(othersRunnable('1.20 0.80 0.50 3/400 999\n', 3)).toBe(0)
    expect(othersRunnable('1.20 0.80 0.50 2/400 999\n', 4)).toBe(0)
    expect(othersRunnable('1.20 0.80 0.50 3/400 999\n', 0)).toBe(2)
    expect(isRunnableTask('31337 (node) R 1 31337 31337 0 -1 4194304')).toBe(true)
    expect(isRunnableTask('31338 (V8 Worker) S 1 31337 31337 0 -1 4194304')).toBe(false)
    expect(isRunnableTask('31339 (a) R (b) S 1 31337')).toBe(false)
    expect(isRunnableTask('31339 (a) S (b) R 1 31337')).toBe(true)
    expect(isRunnableTask('')).toBe(false)
    expect(idleCoreWorkers(2, 0)).toBe(1)
    expect(idleCoreWorkers(2, 1)).toBe(0)
    expect(idleCoreWorkers(2, 17)).toBe(0)
    expect(idleCoreWorkers(1, 0)).toBe(0)
    expect(idleCoreWorkers(8, 2)).toBe(3)
    expect(idleCoreWorkers(8, 5)).toBe(2)
  })
})
