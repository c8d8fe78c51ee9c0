import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SearchResults } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { listArticleFiles } from '../article-files'
import { bestHits, scanArticles, type RankedHit, type ScanResult } from './folder-scan'
import { listArticleChunks } from './shard-files'
import { queryTerms } from './term-index'

/** Options of a one-off folder search. */
export interface FolderSearchOptions {
  /** At most how many worker threads scan (default: the machine's cores, at most 4); 0 scans in this thread. */
  workers?: number
  /** From how many articles on workers are worth their start-up (default 2,000). */
  workerThreshold?: number
  /** Test seam: the worker entry to run (see scan-worker); default the built one beside this module, if any. */
  workerScript?: URL
}

function builtWorkerScript(): URL | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return null
  for (const name of ['./scan-worker.mjs', './scan-worker.js', '../scan-worker.mjs', '../scan-worker.js']) {
    const url = new URL(name, here)
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return url
  }
  return null
}

function startWorker(script: URL, workerData: { root: string; terms: string[]; limit: number }): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData })
  // NOTE: from TypeScript sources (tests) the worker loads its entry through tsx; a bundle ships a JS entry.
  const code = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(script.href)}))`
  return new Worker(code, { eval: true, workerData })
}

/** A scan worker and the answers it owes, oldest first (it answers the chunks in the order they were sent). */
interface ScanWorker {
  thread: Worker
  waiting: { resolve: (result: ScanResult) => void; reject: (error: unknown) => void }[]
}

function scanWorker(thread: Worker): ScanWorker {
  const worker: ScanWorker = { thread, waiting: [] }
  thread.on('message', (result: ScanResult) => worker.waiting.shift()?.resolve(result))
  // NOTE: a worker that dies fails the search (a bug, or out of memory); its chunks are not scanned twice.
  thread.on('error', (error) => {
    for (const w of worker.waiting.splice(0)) w.reject(error)
  })
  return worker
}

/**
 * Full-text search of a folder without building an index (for a one-off `folio search`): the folder is listed and
 * every article read once, by worker threads when the folder is large enough to pay for them, and the answer is the
 * one the folder index gives for the same query (same words, same order, same snippets).
 */
export async function searchFolderOnce(root: string, query: string, limit: number, options: FolderSearchOptions = {}): Promise<Result<SearchResults>> {
  const terms = queryTerms(query)
  if (terms.length === 0) return ok({ query, hits: [], total: 0, isComplete: true })
  const script = options.workerScript ?? builtWorkerScript()
  const maxWorkers = script === null ? 0 : (options.workers ?? Math.min(4, os.availableParallelism()))
  const threshold = options.workerThreshold ?? 2000
  const workers: ScanWorker[] = []
  const answers: Promise<ScanResult>[] = []
  let pending: string[] = []
  let next = 0
  const send = (paths: string[]): void => {
    const worker = workers[next++ % workers.length]
    answers.push(new Promise((resolve, reject) => worker.waiting.push({ resolve, reject })))
    worker.thread.postMessage(paths)
  }
  const take = (paths: string[]): void => {
    pending.push(...paths)
    if (workers.length === 0 && maxWorkers > 0 && pending.length >= threshold && script !== null) {
      for (let i = 0; i < maxWorkers; i++) workers.push(scanWorker(startWorker(script, { root, terms, limit })))
    }
    if (workers.length === 0) return
    // NOTE: one chunk per worker at a time would leave one idle at the end; smaller chunks even out the work.
    for (let at = 0; at < pending.length; at += 500) send(pending.slice(at, at + 500))
    pending = []
  }
  try {
    if (!listArticleChunks(root, take)) {
      const listed = await listArticleFiles(root)
      if (!listed.ok) return { ok: false, error: listed.error }
      take(listed.value)
    }
    if (pending.length > 0) answers.push(scanArticles(root, pending, terms, limit))
    const results = await Promise.all(answers)
    let hits: RankedHit[] = []
    let total = 0
    for (const result of results) {
      total += result.total
      hits = bestHits(hits, result.hits, limit)
    }
    return ok({ query, hits: hits.map(({ path, title, snippets }) => ({ path, title, snippets })), total, isComplete: true })
  } finally {
    await Promise.all(workers.map((w) => w.thread.terminate()))
  }
}
