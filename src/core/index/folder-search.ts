import type * as WorkerThreads from 'node:worker_threads'
import type { SearchResults } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { bestHits, maxNamedSkips, scanArticles, withSnippets, type RankedHit, type ScanResult, type ScanSettings, type SkippedFile } from './folder-scan'
import { claimChunk, newClaimCounter, type ChunkAnswer, type ScanWorkerData } from './scan-claims'
import { searchWithSavedIndex } from './search-cache'
import type { StampThreads } from './stamp-threads'
import { articleScopeOf, walkArticles } from './folder-walk'
import { queryTerms } from './term-index'
import { builtWorkerEntry, startWorkerThread, workerEntryAt } from '../worker-entry'
import { othersRunnableNow, workersForMachine } from './machine-load'

export { idleCoreWorkers, isRunnableTask, othersRunnable, scanWorkerCount } from './machine-load'

/** Options of a one-off folder search. */
export interface FolderSearchOptions {
  /** At most how many worker threads scan besides this thread (default: see scanWorkerCount); 0 scans in this thread only. */
  workers?: number
  /** From how many articles on workers are worth their start-up (default 2,000). */
  workerThreshold?: number
  /** The worker entry to run instead of the built scan-worker beside this module (see worker-entry). */
  workerScript?: URL
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

/** Paths per chunk (the listing hands them over in chunks this size): small enough that threads end together. */
export const scanChunkSize = 128

/** What a folder scan found over every chunk, with the listing's count. */
export interface FolderScan {
  total: number
  hits: RankedHit[]
  listed: number
  skippedCount: number
  skipped: SkippedFile[]
}

function merged(results: readonly ScanResult[], limit: number, listed: number): FolderScan {
  const scan: FolderScan = { total: 0, hits: [], listed, skippedCount: 0, skipped: [] }
  for (const result of results) {
    scan.total += result.total
    scan.skippedCount += result.skippedCount
    scan.skipped.push(...result.skipped.slice(0, maxNamedSkips - scan.skipped.length))
    scan.hits = bestHits(scan.hits, result.hits, limit)
  }
  return scan
}

/** A scan worker: resolves `gone` once it has exited (for any reason: after an error, or terminated). */
interface ScanWorker {
  thread: WorkerThreads.Worker
  gone: Promise<void>
}

/**
 * Scans the articles `list` hands over (in chunks, as it finds them) for `terms`. Worker threads start once there
 * are enough articles to pay for their start-up; each is sent every chunk as it is listed and scans the chunks it
 * claims (see scan-claims), and this thread claims and scans the rest once listing is done, so no thread waits for
 * another to hand it work. Counts every match and keeps the best `limit` hits. A worker that dies (or never starts)
 * leaves its unanswered chunks to this thread.
 */
export async function scanFolder(
  root: string,
  terms: readonly string[],
  settings: ScanSettings,
  list: (take: (paths: string[]) => void) => Promise<Result<void>>,
  options: FolderSearchOptions = {},
): Promise<Result<FolderScan>> {
  const script = options.workerScript === undefined ? builtWorkerEntry('scan-worker') : workerEntryAt(options.workerScript)
  // NOTE: this thread scans too once listing is done, so it counts as one of the cores (on two cores: one worker).
  const before = script === null || options.workers !== undefined ? null : othersRunnableNow()
  const mayStartWorkers = script !== null && options.workers !== 0
  const threshold = options.workerThreshold ?? 2000
  const claimed = newClaimCounter()
  const chunks: string[][] = []
  const results: (ScanResult | undefined)[] = []
  const workers: ScanWorker[] = []
  let listed = 0
  let isDecided = !mayStartWorkers
  const startWorkers = (count: number): void => {
    for (let i = 0; i < count && script !== null; i++) {
      const workerData: ScanWorkerData = { root, terms: [...terms], settings, claimed: claimed.buffer as SharedArrayBuffer }
      const thread = startWorkerThread(script, { workerData })
      // NOTE: a worker still starting or idle never holds the process (held only while its answers are awaited).
      thread.unref()
      thread.on('message', ({ chunk, result }: ChunkAnswer) => (results[chunk] = result))
      // NOTE: an error is followed by 'exit'; Node delivers every answer the worker sent before 'exit'.
      thread.on('error', () => undefined)
      const gone = new Promise<void>((resolve) => thread.once('exit', () => resolve()))
      for (const chunk of chunks) thread.postMessage(chunk)
      workers.push({ thread, gone })
    }
  }
  const take = (paths: string[]): void => {
    listed += paths.length
    for (let at = 0; at < paths.length; at += scanChunkSize) {
      const chunk = paths.length <= scanChunkSize ? paths : paths.slice(at, at + scanChunkSize)
      chunks.push(chunk)
      for (const worker of workers) worker.thread.postMessage(chunk)
    }
    if (!isDecided && listed >= threshold) {
      // NOTE: decided once, when the folder proves large enough to pay for a worker's start-up.
      isDecided = true
      startWorkers(options.workers ?? workersForMachine(before))
    }
  }
  try {
    const listing = await list(take)
    if (!listing.ok) return listing
    const best: RankedHit[] = []
    const scanLocally = async (chunk: number): Promise<void> => {
      results[chunk] = await scanArticles(root, chunks[chunk], terms, settings, settings.withTitles ? best : [])
    }
    for (let chunk = claimChunk(claimed, chunks.length); chunk !== -1; chunk = claimChunk(claimed, chunks.length)) await scanLocally(chunk)
    // NOTE: every chunk is claimed; those not answered yet are being scanned by a worker, or were claimed by one that
    // died: wait for the answers (or for every worker to be gone), then scan here whatever is still missing.
    const isAnswered = (): boolean => results.length === chunks.length && !results.includes(undefined)
    if (workers.length > 0 && !isAnswered()) {
      for (const worker of workers) worker.thread.ref()
      await new Promise<void>((resolve) => {
        for (const worker of workers) worker.thread.on('message', () => isAnswered() && resolve())
        void Promise.all(workers.map((w) => w.gone)).then(() => resolve())
      })
    }
    for (let chunk = 0; chunk < chunks.length; chunk++) if (results[chunk] === undefined) await scanLocally(chunk)
    return ok(merged(results as ScanResult[], settings.limit, listed))
  } finally {
    // NOTE: not awaited: an idle worker needs no waiting for, and one still starting would only delay the answer.
    for (const worker of workers) void worker.thread.terminate()
  }
}

/** Lists the articles under `root` in chunks, as the index lists them (the site's article scope included). */
export function listFolder(root: string): (take: (paths: string[]) => void) => Promise<Result<void>> {
  return async (take) => walkArticles(root, '', await articleScopeOf(root), take, null, scanChunkSize)
}

/** The plain note naming the files a scan did not search (the first of them, and how many more); undefined when none. */
export function skippedNote(scan: Pick<FolderScan, 'skippedCount' | 'skipped'>): string | undefined {
  if (scan.skippedCount === 0) return undefined
  const named = scan.skipped.map((s) => `${s.path} (${s.reason})`).join(', ')
  const more = scan.skippedCount > scan.skipped.length ? ` and ${scan.skippedCount - scan.skipped.length} more` : ''
  return `${scan.skippedCount} file(s) not searched: ${named}${more}.`
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
  const settings: ScanSettings = { limit, withTitles: true }
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
  const note = skippedNote(scan)
  // NOTE: a scan ends when every listed article is read (those it could not read are named in the note).
  const results: SearchResults = { query, hits, total: scan.total, isComplete: true }
  if (note !== undefined) results.note = note
  return ok(results)
}
