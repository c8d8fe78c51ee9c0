import { createRequire } from 'node:module'
import type * as WorkerThreads from 'node:worker_threads'
import type { SearchResults } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { bestHits, maxNamedSkips, scanArticles, withSnippets, type RankedHit, type ScanResult, type ScanSettings, type SkippedFile } from './folder-scan'
import { searchWithSavedIndex } from './search-cache'
import type { StampThreads } from './stamp-threads'
import { articleScopeOf, walkArticles } from './folder-walk'
import { queryTerms } from './term-index'
import { builtWorkerScript, othersRunnableNow, workersForMachine } from './machine-load'

export { idleCoreWorkers, othersRunnable, scanWorkerCount } from './machine-load'

// NOTE: node:worker_threads (6 ms of CPU to load) is loaded when a worker starts, and the test-only source-worker
// when one may: on a busy machine or a small folder none does.
const loadModule = createRequire(import.meta.url)

/** Options of a one-off folder search. */
export interface FolderSearchOptions {
  /** At most how many worker threads scan besides this thread (default: see scanWorkerCount); 0 scans in this thread only. */
  workers?: number
  /** From how many articles on workers are worth their start-up (default 2,000). */
  workerThreshold?: number
  /** Test seam: the worker entry to run (see scan-worker); default the built one beside this module, if any. */
  workerScript?: URL
  /** False: no front matter is parsed and hits rank by path only (see ScanSettings.withTitles); default true. */
  withTitles?: boolean
  /** Stop reading files after this many ms; the answer then says it is partial (see ScanSettings.deadline). */
  timeBudgetMs?: number
  /**
   * The cache folder (summary-cache's defaultCacheDir): a search index saved there for this folder (see
   * search-cache) answers instead of a scan, reading only the files changed since; null or absent: always scan.
   */
  cacheDir?: string | null
  /** Save (or make again) the search index in `cacheDir` from a full read of the folder before answering. */
  saveIndex?: boolean
  /** How the saved index's stamp check may use a worker thread (see stamp-threads); default none when `workers` is 0. */
  stampThreads?: StampThreads
  /** Told how many articles were listed when the answer came from reading the whole folder (no saved index used). */
  onFullScan?: (listed: number) => void
}

type WorkerStart = (script: URL, options: WorkerThreads.WorkerOptions) => WorkerThreads.Worker

/** Starts `script` as a worker thread (a TypeScript entry through `fromSource`: tests run from sources). */
function startWorker(script: URL, workerData: { root: string; terms: string[]; settings: ScanSettings }, fromSource: WorkerStart | null): WorkerThreads.Worker {
  if (fromSource !== null && script.pathname.endsWith('.ts')) return fromSource(script, { workerData })
  return new (loadModule('node:worker_threads') as typeof WorkerThreads).Worker(script, { workerData })
}

/** A scan worker and the answers it owes, oldest first (it answers the chunks in the order they were sent). */
interface ScanWorker {
  thread: WorkerThreads.Worker
  waiting: { resolve: (result: ScanResult) => void; reject: (error: unknown) => void }[]
}

/** Paths per chunk: small enough that the threads even out at the end, large enough that messages cost little. */
const chunkSize = 200
/** Chunks each worker holds at once, so it never waits for the next one. */
const chunksInFlight = 2

/** What a folder scan found over every chunk, with the listing's count. */
export interface FolderScan {
  total: number
  hits: RankedHit[]
  listed: number
  scanned: number
  skippedCount: number
  skipped: SkippedFile[]
}

function merged(results: readonly ScanResult[], limit: number, listed: number): FolderScan {
  const scan: FolderScan = { total: 0, hits: [], listed, scanned: 0, skippedCount: 0, skipped: [] }
  for (const result of results) {
    scan.total += result.total
    scan.scanned += result.scanned
    scan.skippedCount += result.skippedCount
    scan.skipped.push(...result.skipped.slice(0, maxNamedSkips - scan.skipped.length))
    scan.hits = bestHits(scan.hits, result.hits, limit)
  }
  return scan
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Scans the articles `list` hands over (in chunks, as it finds them) for `terms`: worker threads take chunks as
 * soon as there are enough articles to pay for their start-up, and this thread scans too once listing is done (a
 * chunk per turn of the event loop, so it keeps answering). Counts every match and keeps the best `limit` hits.
 */
export async function scanFolder(
  root: string,
  terms: readonly string[],
  settings: ScanSettings,
  list: (take: (paths: string[]) => void) => Promise<Result<void>>,
  options: FolderSearchOptions = {},
): Promise<Result<FolderScan>> {
  const script = options.workerScript ?? builtWorkerScript('scan-worker')
  // NOTE: this thread scans too once listing is done, so it counts as one of the cores (on two cores: one worker).
  const before = script === null || options.workers !== undefined ? null : othersRunnableNow()
  const mayStartWorkers = script !== null && options.workers !== 0
  const threshold = options.workerThreshold ?? 2000
  const fromSource = mayStartWorkers && script?.pathname.endsWith('.ts') === true ? (await import('../source-worker')).startSourceWorker : null
  const workers: ScanWorker[] = []
  const answers: Promise<ScanResult>[] = []
  const queue: string[][] = []
  let listed = 0
  let isDecided = !mayStartWorkers
  let failure: unknown = null
  const send = (worker: ScanWorker): void => {
    const chunk = queue.shift() as string[]
    answers.push(new Promise((resolve, reject) => worker.waiting.push({ resolve, reject })))
    worker.thread.postMessage(chunk)
  }
  const pump = (): void => {
    for (const worker of workers) while (worker.waiting.length < chunksInFlight && queue.length > 0) send(worker)
  }
  const take = (paths: string[]): void => {
    listed += paths.length
    for (let at = 0; at < paths.length; at += chunkSize) queue.push(paths.slice(at, at + chunkSize))
    if (workers.length === 0 && !isDecided && listed >= threshold && script !== null) {
      // NOTE: decided once, when the folder proves large enough to pay for a worker's start-up.
      isDecided = true
      const count = options.workers ?? workersForMachine(before)
      for (let i = 0; i < count; i++) {
        const worker: ScanWorker = { thread: startWorker(script, { root, terms: [...terms], settings }, fromSource), waiting: [] }
        worker.thread.on('message', (result: ScanResult) => {
          worker.waiting.shift()?.resolve(result)
          pump()
        })
        // NOTE: a worker that dies fails the search (a bug, or out of memory); its chunks are not scanned twice.
        worker.thread.on('error', (error) => {
          failure ??= error
          for (const w of worker.waiting.splice(0)) w.reject(error)
        })
        workers.push(worker)
      }
    }
    pump()
  }
  try {
    const listing = await list(take)
    if (!listing.ok) return listing
    const local: ScanResult[] = []
    const best: RankedHit[] = []
    while (queue.length > 0 && failure === null) {
      local.push(await scanArticles(root, queue.shift() as string[], terms, settings, settings.withTitles ? best : []))
      // NOTE: a turn of the event loop between chunks: workers' answers are taken and their next chunks sent.
      if (workers.length > 0 || queue.length > 0) await nextTurn()
    }
    const results = [...local]
    // NOTE: answers grow while awaited: each answer sends the worker its next chunk.
    for (let i = 0; i < answers.length; i++) results.push(await answers[i])
    return ok(merged(results, settings.limit, listed))
  } finally {
    await Promise.all(workers.map((w) => w.thread.terminate()))
  }
}

/** Lists the articles under `root` in chunks, as the index lists them (the site's article scope included). */
export function listFolder(root: string): (take: (paths: string[]) => void) => Promise<Result<void>> {
  return async (take) => walkArticles(root, '', await articleScopeOf(root), take)
}

/** The plain note on what a scan left out or did not get to; undefined when it read every file. */
export function scanNote(scan: Pick<FolderScan, 'listed' | 'scanned' | 'skippedCount' | 'skipped'>, budgetMs?: number): string | undefined {
  const parts: string[] = []
  if (scan.scanned < scan.listed) parts.push(`The search stopped at its ${budgetMs ?? 0} ms budget after reading ${scan.scanned} of ${scan.listed} files; more may match.`)
  if (scan.skippedCount > 0) {
    const named = scan.skipped.map((s) => `${s.path} (${s.reason})`).join(', ')
    const more = scan.skippedCount > scan.skipped.length ? ` and ${scan.skippedCount - scan.skipped.length} more` : ''
    parts.push(`${scan.skippedCount} file(s) not searched: ${named}${more}.`)
  }
  return parts.length === 0 ? undefined : parts.join(' ')
}

/**
 * Full-text search of a folder without building the folder index (a one-off `folio search`, or a folder index
 * still building): the folder is listed and every article read once, by worker threads when the folder is large
 * enough to pay for them, and the answer is the one the folder index gives for the same query (same words, same
 * order, same titles, same snippets).
 */
export async function searchFolderOnce(root: string, query: string, limit: number, options: FolderSearchOptions = {}): Promise<Result<SearchResults>> {
  const terms = queryTerms(query)
  if (terms.length === 0) return ok({ query, hits: [], total: 0, isComplete: true })
  const budget = options.timeBudgetMs
  const settings: ScanSettings = { limit, withTitles: options.withTitles ?? true, deadline: budget === undefined ? undefined : Date.now() + budget }
  const cacheDir = options.cacheDir ?? null
  if (cacheDir !== null) {
    const rescan = (rels: string[]): Promise<Result<FolderScan>> => scanFolder(root, terms, settings, (take) => (take(rels), Promise.resolve(ok(undefined))), options)
    const threads = options.stampThreads ?? (options.workers === 0 ? { workers: 0 } : {})
    const saved = await searchWithSavedIndex(root, cacheDir, query, terms, limit, rescan, options.saveIndex === true, threads)
    if (saved !== null) return saved
  }
  const scanned = await scanFolder(root, terms, settings, listFolder(root), options)
  if (!scanned.ok) return scanned
  const scan = scanned.value
  options.onFullScan?.(scan.listed)
  const hits = await withSnippets(root, scan.hits, terms)
  const note = scanNote(scan, budget)
  const results: SearchResults = { query, hits, total: scan.total, isComplete: scan.scanned === scan.listed }
  if (note !== undefined) results.note = note
  return ok(results)
}
