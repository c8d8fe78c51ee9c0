import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { ShardClient } from '../../../../src/core/index/shard-client'
import { aliasBomb } from '../../../support/hostile-content'

// A worker that dies on a file (out of memory, a crash) or keeps one file past its time budget is replaced: that
// file is listed with an error, every other file stays indexed and searchable, and no request is left hanging.
// The faulty worker (tests/support) crashes on `crash-*.md` and blocks on `stall-*.md` as a FIFO's open would.
const faultyWorker = new URL('../../../support/faulty-index-worker.ts', import.meta.url)

let root = ''
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-restart-'))
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  write('a.md', '---\ntitle: Alpha\n---\nalphaword\n')
  write('b/crash-1.md', '---\ntitle: Crash\n---\nbody\n')
  write('c.md', '---\ntitle: Gamma\n---\ngammaword\n')
  write('d/stall-1.md', '---\ntitle: Stall\n---\nbody\n')
  write('e.md', '---\ntitle: Epsilon\n---\nepsilonword\n')
  write('bomb.md', aliasBomb)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Resolves once `file` exists (an inotify/FSEvents watch on its folder, no polling). */
function whenExists(file: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!fs.existsSync(file)) return
      watcher.close()
      resolve()
    }
    const watcher = fs.watch(path.dirname(file), check)
    check()
  })
}

it('sets aside the file a worker died or stalled on, with an error, and keeps indexing and searching the rest', async () => {
  // NOTE: the watchdog's clock (its interval and Date) is fake: it moves only when the faulty worker has said it is
  // stuck on the stall file, so the 3 s budget costs no real time, and a crash (noticed by the worker's exit event,
  // no timer) can never be mistaken for a stall however slow the machine.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  const mark = path.join(path.dirname(root), `${path.basename(root)}-stalled`)
  vi.stubEnv('FOLIO_TEST_STALL_MARK', mark)
  const index = new ArticleIndex(root, { mode: 'worker', shards: 1, fileTimeMs: 3000, workerScript: faultyWorker })
  try {
    const starting = index.start()
    await whenExists(mark)
    // Past the budget, counted from the watchdog's first look at the stuck file (it looks every 750 ms).
    await vi.advanceTimersByTimeAsync(3000 + 2 * 750)
    expect((await starting).ok).toBe(true)
    await index.whenSearchable()
    const byPath = new Map(index.snapshot().articles.map((a) => [a.path, a]))
    expect([...byPath.keys()].sort()).toEqual(['a.md', 'b/crash-1.md', 'bomb.md', 'c.md', 'd/stall-1.md', 'e.md'])
    expect(byPath.get('b/crash-1.md')?.error?.message).toMatch(/^Folio stopped reading this file: the index worker stopped on it/)
    expect(byPath.get('b/crash-1.md')?.error?.isFileError).toBe(true)
    expect(byPath.get('d/stall-1.md')?.error).toMatchObject({ message: 'Folio stopped reading this file: reading it took longer than 3 s.', isFileError: true })
    // NOTE: the alias bomb is an ordinary parse error now (bounded), not a dead worker.
    expect(byPath.get('bomb.md')?.error).toMatchObject({ line: 6, column: 8 })
    expect(byPath.get('bomb.md')?.error?.isFileError).toBeUndefined()
    for (const rel of ['a.md', 'c.md', 'e.md']) expect(byPath.get(rel)?.error).toBeUndefined()
    for (const word of ['alphaword', 'gammaword', 'epsilonword']) {
      const found = await index.search(word)
      expect(found.ok && found.value.hits.map((h) => h.path)).toHaveLength(1)
    }
    // A changed file is read again; one that still stops the worker is set aside again, and the update answers.
    fs.writeFileSync(path.join(root, 'c.md'), '---\ntitle: Gamma 2\n---\ngammaword\n')
    expect((await index.update('c.md'))?.summary.title).toBe('Gamma 2')
    expect((await index.update('b/crash-1.md'))?.summary.error?.isFileError).toBe(true)
    expect((await index.search('alphaword')).ok).toBe(true)
  } finally {
    await index.dispose()
    vi.useRealTimers()
    fs.rmSync(mark, { force: true })
  }
}, 120_000)

it('answers a search after a worker died past the full-text pass with every word, once the new worker has them again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-restart-late-'))
  const names = Array.from({ length: 30 }, (_, i) => `n${i}.md`)
  for (const [i, name] of names.entries()) fs.writeFileSync(path.join(dir, name), `---\ntitle: N\n---\n${i === 29 ? 'lastword' : 'filler'} firstword\n`)
  const client = new ShardClient(dir, 'worker', { workerScript: faultyWorker, fileTimeMs: 120_000 })
  try {
    await client.summarize(names, () => undefined)
    await client.buildTerms(() => undefined)
    // An update of a file that ends the worker (as running out of memory on it would): the worker is replaced and
    // reads every file again; a search asked at once must not be answered from the new worker's empty index.
    expect((await client.update('crash-late.md'))?.summary.error?.isFileError).toBe(true)
    const found = await client.search(['lastword'], 10)
    expect(found?.ranked.map((m) => m.path)).toEqual(['n29.md'])
    expect((await client.search(['firstword'], 100))?.total).toBe(30)
  } finally {
    await client.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 120_000)
