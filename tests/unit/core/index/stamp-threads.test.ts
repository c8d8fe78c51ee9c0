import fs from 'node:fs'
import path from 'node:path'
import { searchFolderOnce } from '../../../../src/core/index/folder-search'
import { loadSearchIndex, searchIndexFile } from '../../../../src/core/index/search-cache'
import { textAt, type SavedIndex } from '../../../../src/core/index/search-index-format'
import { blockCount, stampBlock, stampState, type StampJob } from '../../../../src/core/index/stamp-check'
import { stampReader } from '../../../../src/core/index/stamp-read'
import { newStampJob, runStampJob, startStampWorker } from '../../../../src/core/index/stamp-threads'
import { makeTempDir, removeTempDir } from '../corpus'

// The saved index's stamp check on two threads (see stamp-threads): whichever thread checks a block, every file gets
// the same verdict as fs.lstatSync gives (same, changed, gone), also when the worker takes every block, or dies
// holding one.
const stampWorker = new URL('../../../../src/core/index/stamp-worker.ts', import.meta.url)
const quittingWorker = new URL('../../../support/stamp-worker-quits.ts', import.meta.url)
const files = stampBlock * 2 + 100

let dir = ''
let site = ''
let cacheDir = ''
let saved: SavedIndex
let file = ''

const rel = (i: number): string => `posts/${String(Math.floor(i / 100)).padStart(2, '0')}/p${String(i).padStart(4, '0')}.md`

beforeAll(async () => {
  dir = makeTempDir('folio-stamp-threads-')
  site = path.join(dir, 'site')
  cacheDir = path.join(dir, 'cache')
  for (let i = 0; i < files; i++) {
    fs.mkdirSync(path.dirname(path.join(site, rel(i))), { recursive: true })
    fs.writeFileSync(path.join(site, rel(i)), `harbour note ${i}\n`)
  }
  fs.utimesSync(path.join(site, rel(7)), 1_700_000_000, 1_700_000_000)
  await searchFolderOnce(site, 'harbour', 20, { workers: 0, cacheDir, saveIndex: true })
  // NOTE: a changed file in each block, one changed by its ctime only, and gone ones (deleted, a folder now).
  for (const i of [3, stampBlock + 5, files - 1]) fs.appendFileSync(path.join(site, rel(i)), 'more\n')
  const seventh = path.join(site, rel(7))
  fs.writeFileSync(seventh, fs.readFileSync(seventh, 'utf8').replace('harbour', 'wharfed'))
  fs.utimesSync(seventh, 1_700_000_000, 1_700_000_000)
  fs.rmSync(path.join(site, rel(11)))
  fs.rmSync(path.join(site, rel(stampBlock + 9)))
  fs.mkdirSync(path.join(site, rel(stampBlock + 9)))
  file = searchIndexFile(cacheDir, site)
  const loaded = loadSearchIndex(file, site, ['harbour'])
  if (loaded === null) throw new Error('no saved index')
  saved = loaded
})
afterAll(() => removeTempDir(dir))

/** The verdict fs.lstatSync gives each saved file. */
function expectedStates(): number[] {
  return Array.from({ length: saved.count }, (_, id) => {
    const stats = fs.lstatSync(path.join(site, textAt(saved.paths, id)), { throwIfNoEntry: false })
    if (stats === undefined || !stats.isFile()) return stampState.gone
    const same = stats.size === saved.stamps[id * 3] && stats.mtimeMs === saved.stamps[id * 3 + 1] && stats.ctimeMs === saved.stamps[id * 3 + 2]
    return same ? stampState.same : stampState.changed
  })
}

/** Blocks this thread until `isReady` or 30 s have passed (the worker runs meanwhile on its own thread). */
function waitUntil(isReady: () => boolean): void {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (const end = Date.now() + 30_000; !isReady() && Date.now() < end; ) Atomics.wait(pause, 0, 0, 5)
}

const doneBlocks = (job: StampJob): number => job.done.filter((d) => d === 1).length

it('gives every file the verdict lstat gives, on this thread alone and with the worker taking every block', async () => {
  const expected = expectedStates()
  expect(expected.filter((s) => s === stampState.changed)).toHaveLength(4)
  expect(expected.filter((s) => s === stampState.gone)).toHaveLength(2)
  const alone = newStampJob(site, saved)
  await runStampJob(alone, stampReader(file), null)
  expect(Array.from(alone.states)).toEqual(expected)
  const shared = newStampJob(site, saved)
  const worker = startStampWorker(saved.count, file, { workers: 1, from: 0, script: stampWorker })
  expect(worker).not.toBeNull()
  // NOTE: this thread waits before claiming, so the worker checks every block.
  await runStampJob(shared, stampReader(file), worker, () => waitUntil(() => doneBlocks(shared) === blockCount(files)))
  expect(doneBlocks(shared)).toBe(blockCount(files))
  expect(Array.from(shared.states)).toEqual(expected)
})

it('checks the block a worker died holding, and everything when the worker cannot start', async () => {
  const expected = expectedStates()
  const job = newStampJob(site, saved)
  const worker = startStampWorker(saved.count, file, { workers: 1, from: 0, script: quittingWorker })
  await runStampJob(job, stampReader(file), worker, () => waitUntil(() => Atomics.load(job.next, 0) > 0))
  expect(Array.from(job.states)).toEqual(expected)
  const missing = newStampJob(site, saved)
  const none = startStampWorker(saved.count, file, { workers: 1, from: 0, script: new URL('./no-such-stamp-worker.mjs', import.meta.url) })
  await runStampJob(missing, stampReader(file), none)
  expect(Array.from(missing.states)).toEqual(expected)
})

it('starts no worker below its threshold or when told none', () => {
  expect(startStampWorker(100, file, { workers: 1, from: 1000, script: stampWorker })).toBeNull()
  expect(startStampWorker(100_000, file, { workers: 0, script: stampWorker })).toBeNull()
})

it('answers a search with a worker as a scan does, reading changed files again', async () => {
  const threads = { workers: 1, from: 0, script: stampWorker }
  for (const query of ['harbour', 'wharfed']) {
    const withWorker = await searchFolderOnce(site, query, 20, { cacheDir, stampThreads: threads })
    expect(withWorker, query).toEqual(await searchFolderOnce(site, query, 20, { workers: 0 }))
  }
})
