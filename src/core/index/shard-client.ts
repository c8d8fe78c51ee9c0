import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ArticleSummary, SearchHit } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import { ShardCore, type FileStamp, type RankedMatch } from './shard-core'
import { serveShardRequest, type ShardMessage, type ShardReply, type ShardRequest } from './shard-protocol'

type Pending = { resolve: (value: ShardReply) => void; onBatch?: (articles: ArticleSummary[]) => void; onPaths?: (paths: string[]) => void }
type RequestBody = ShardRequest extends infer R ? (R extends ShardRequest ? Omit<R, 'id'> : never) : never

/**
 * Where the shard runs: `worker` a worker thread (through tsx when running from TypeScript sources), `local` this
 * thread, `auto` a worker when a built worker script exists, else this thread (tests of other parts stay light).
 */
export type ShardMode = 'worker' | 'local' | 'auto'

function workerScript(): { url: URL; isSource: boolean } | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return { url: new URL('./index-worker.ts', here), isSource: true }
  for (const name of ['./index-worker.mjs', './index-worker.js', '../index-worker.mjs', '../index-worker.js']) {
    const url = new URL(name, here)
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, isSource: false }
  }
  return null
}

// NOTE: indexing makes much short-lived garbage (file texts); a small young generation keeps RSS low at a small
// cost in collection time. The old generation holds the shard's summaries and word index.
const resourceLimits = { maxYoungGenerationSizeMb: Number(process.env.FOLIO_INDEX_YOUNG_MB ?? 8), maxOldGenerationSizeMb: 512 }

function startWorker(root: string, mode: ShardMode, cacheFile: string | null): Worker | null {
  const script = mode === 'local' ? null : workerScript()
  if (script === null || (script.isSource && mode === 'auto')) return null
  const workerData = { root, cacheFile }
  if (!script.isSource) return new Worker(script.url, { workerData, resourceLimits })
  // NOTE: from TypeScript sources (tests, tsx) the worker loads its entry through tsx; a bundle ships a JS entry.
  const code = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(script.url.href)}, ${JSON.stringify(script.url.href)}))`
  return new Worker(code, { eval: true, workerData, resourceLimits })
}

/**
 * The parent's handle on one index shard: sends requests, routes batches and replies. If the worker dies, pending
 * requests resolve to null and later ones reject (a bug or an out-of-memory, not an expected failure).
 */
export class ShardClient {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private readonly worker: Worker | null
  private readonly core: ShardCore | null
  private failure: Error | null = null

  /** `cacheFile`: this shard's summary cache (see summary-cache), null for none. */
  constructor(root: string, mode: ShardMode, cacheFile: string | null = null) {
    this.worker = startWorker(root, mode, cacheFile)
    this.core = this.worker === null ? new ShardCore(root, { cacheFile }) : null
    this.worker?.on('message', (message: ShardMessage) => this.receive(message))
    this.worker?.on('error', (error) => this.fail(error))
    this.worker?.on('exit', (code) => this.fail(new Error(`index worker exited with code ${code}`)))
  }

  /** True when the shard runs in a worker thread. */
  get isWorker(): boolean {
    return this.worker !== null
  }

  /**
   * Lists the folder's articles in the shard's thread, handing paths to `onPaths` in chunks as they are found;
   * resolves true when done, false when the root cannot be read, null when the shard died.
   */
  list(onPaths: (paths: string[]) => void): Promise<boolean | null> {
    return this.call({ op: 'list' }, { onPaths }) as Promise<boolean | null>
  }

  /** Sends, in batches, the summaries of cached articles whose files are unchanged (none without a cache). */
  summarizeCached(onBatch: (articles: ArticleSummary[]) => void): Promise<void> {
    return this.call({ op: 'summarize-cached' }, { onBatch }).then(() => undefined)
  }

  summarize(paths: string[], onBatch: (articles: ArticleSummary[]) => void): Promise<void> {
    return this.call({ op: 'summarize', paths }, { onBatch }).then(() => undefined)
  }

  buildTerms(onBatch: (articles: ArticleSummary[]) => void): Promise<void> {
    return this.call({ op: 'build-terms' }, { onBatch }).then(() => undefined)
  }

  update(path: string): Promise<{ summary: ArticleSummary; stamp: FileStamp } | null> {
    return this.call({ op: 'update', path }) as Promise<{ summary: ArticleSummary; stamp: FileStamp } | null>
  }

  remove(path: string): Promise<void> {
    return this.call({ op: 'remove', path }).then(() => undefined)
  }

  stampOf(path: string): Promise<FileStamp | null> {
    return this.call({ op: 'stamp', path }) as Promise<FileStamp | null>
  }

  search(terms: string[], limit: number): Promise<{ ranked: RankedMatch[]; total: number } | null> {
    return this.call({ op: 'search', terms, limit }) as Promise<{ ranked: RankedMatch[]; total: number } | null>
  }

  snippets(paths: string[], terms: string[]): Promise<SearchHit[] | null> {
    return this.call({ op: 'snippets', paths, terms }) as Promise<SearchHit[] | null>
  }

  /** The folder's front-matter schema, built in the shard's thread; null when the shard died. */
  folderSchema(): Promise<Result<FolderSchema> | null> {
    return this.call({ op: 'schema' }) as Promise<Result<FolderSchema> | null>
  }

  /** Stops the worker; pending requests reject. */
  async dispose(): Promise<void> {
    this.fail(new Error('the index was closed'))
    await this.worker?.terminate()
  }

  private call(body: RequestBody, streams: Pick<Pending, 'onBatch' | 'onPaths'> = {}): Promise<ShardReply> {
    if (this.failure !== null) return Promise.reject(this.failure)
    const id = this.nextId++
    const request = { ...body, id }
    return new Promise<ShardReply>((resolve) => {
      this.pending.set(id, { resolve, ...streams })
      if (this.worker !== null) this.worker.postMessage(request)
      else void serveShardRequest(this.core as ShardCore, request, (message) => this.receive(message))
    })
  }

  private receive(message: ShardMessage): void {
    const pending = this.pending.get(message.id)
    if (pending === undefined) return
    if (message.kind === 'batch') pending.onBatch?.(message.articles)
    else if (message.kind === 'paths') pending.onPaths?.(message.paths)
    else {
      this.pending.delete(message.id)
      pending.resolve(message.value)
    }
  }

  private fail(error: Error): void {
    if (this.failure === null) this.failure = error
    // NOTE: requests still waiting resolve as "nothing" so callers (the UI) keep working without the index.
    for (const pending of this.pending.values()) pending.resolve(null)
    this.pending.clear()
  }
}
