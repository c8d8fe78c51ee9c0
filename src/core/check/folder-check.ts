import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ok, type Result } from '@shared/result'
import { checkFiles, type FileCheck } from './file-check'

/** Options of checking a folder's articles. */
export interface FolderCheckOptions {
  /** Worker threads for a large folder (default 2, as the folder index); 0 checks in this thread. */
  workers?: number
  /** From how many files workers are worth their start-up (default 2,000, as the index). */
  workerThreshold?: number
  /** Test seam: the worker entry to run; default the built one beside this module, if any. */
  workerScript?: URL
}

const chunkSize = 500

function builtWorkerScript(): URL | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return null
  for (const name of ['./check-worker.mjs', '../check-worker.mjs']) {
    const url = new URL(name, here)
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return url
  }
  return null
}

function startWorker(script: URL, root: string): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData: { root } })
  // NOTE: from TypeScript sources (tests) the worker loads its entry through tsx; a bundle ships a JS entry.
  const code = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(script.href)}))`
  return new Worker(code, { eval: true, workerData: { root } })
}

/** Sends chunks to one worker and hands back its answers in order (it answers chunks in the order they came). */
function askWorker(worker: Worker): (rels: string[]) => Promise<Result<FileCheck[]>> {
  const waiting: { resolve: (r: Result<FileCheck[]>) => void; reject: (e: unknown) => void }[] = []
  worker.on('message', (result: Result<FileCheck[]>) => waiting.shift()?.resolve(result))
  // NOTE: a worker that dies fails the check (a bug, or out of memory), rather than leave files unchecked.
  worker.on('error', (error) => {
    for (const w of waiting.splice(0)) w.reject(error)
  })
  return (rels) =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject })
      worker.postMessage(rels)
    })
}

/**
 * Checks the articles `rels` of the folder `root` (see checkFiles), on worker threads when there are enough of them
 * to pay for their start-up, like the folder index. Results come back in the order of `rels`.
 */
export async function checkFolder(root: string, rels: readonly string[], options: FolderCheckOptions = {}): Promise<Result<FileCheck[]>> {
  const script = options.workerScript ?? builtWorkerScript()
  const count = script === null ? 0 : (options.workers ?? 2)
  if (count === 0 || rels.length < (options.workerThreshold ?? 2000)) return checkFiles(root, rels)
  const workers = Array.from({ length: count }, () => startWorker(script as URL, root))
  try {
    const asks = workers.map(askWorker)
    // NOTE: small chunks dealt in turn keep both workers busy to the end.
    const answers: Promise<Result<FileCheck[]>>[] = []
    for (let at = 0, n = 0; at < rels.length; at += chunkSize, n++) answers.push(asks[n % asks.length](rels.slice(at, at + chunkSize)))
    const out: FileCheck[] = []
    for (const answer of await Promise.all(answers)) {
      if (!answer.ok) return answer
      out.push(...answer.value)
    }
    return ok(out)
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}
