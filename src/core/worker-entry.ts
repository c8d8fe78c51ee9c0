import fs from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type * as WorkerThreads from 'node:worker_threads'
import { startSourceWorker } from './source-worker'

// Where Folio's worker threads (the index shards, the one-off scan, the saved index's stamp check) find their code, and
// how they are started: one rule for all three instead of one copy each. A built app runs the bundled `.mjs` entries
// beside its bundle; a run from the TypeScript sources (tests, tsx) bundles a `.ts` entry first (see source-worker).
// Each user of a worker takes an entry as an option, so a caller may run another one (the tests' faulty, silent and
// quitting stand-ins, or the sources): the default is always the one found here.

/** A worker thread's entry: a built module, or a TypeScript source that startWorkerThread bundles first. */
export interface WorkerEntry {
  url: URL
  isSource: boolean
}

/** The entry at `url`: a source when it is a `.ts` file. */
export function workerEntryAt(url: URL): WorkerEntry {
  return { url, isSource: url.pathname.endsWith('.ts') }
}

/**
 * The worker entry `name` (e.g. 'scan-worker') for this build: the built one beside this module's bundle (out/cli,
 * or out/cli/chunks for a chunk), or, when this module runs from the sources, `src/core/index/<name>.ts`; null when
 * not built.
 */
export function workerEntry(name: string): WorkerEntry | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return workerEntryAt(new URL(`./index/${name}.ts`, here))
  for (const place of [`./${name}.mjs`, `./${name}.js`, `../${name}.mjs`, `../${name}.js`]) {
    const url = new URL(place, here)
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, isSource: false }
  }
  return null
}

/** The built worker entry `name`, never a source one (a source entry costs a bundling: only on request). */
export function builtWorkerEntry(name: string): WorkerEntry | null {
  const found = workerEntry(name)
  return found === null || found.isSource ? null : found
}

// NOTE: node:worker_threads (6 ms of CPU to load) is loaded when a worker starts: on a busy machine or a small folder
// none does.
const loadModule = createRequire(import.meta.url)

/** Starts `entry` as a worker thread (a source entry bundled first, once per process). */
export function startWorkerThread(entry: WorkerEntry, options: WorkerThreads.WorkerOptions): WorkerThreads.Worker {
  if (entry.isSource) return startSourceWorker(entry.url, options)
  return new (loadModule('node:worker_threads') as typeof WorkerThreads).Worker(entry.url, options)
}
