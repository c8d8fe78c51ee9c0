import type { Worker } from 'node:worker_threads'
import type { ArticleSummary, SearchHit } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import { failedSummary, ShardCore, type FileStamp, type RankedMatch } from './shard-core'
import { ShardCursor } from './shard-cursor'
import { serveShardRequest, type BatchProblems, type ShardMessage, type ShardReply, type ShardRequest } from './shard-protocol'
import type { WorkerEntry } from '../worker-entry'
import { shardWorkerEntry, startShardWorker, type ShardMode } from './shard-worker'

export type { ShardMode } from './shard-worker'

/** Receives a batch of summaries (with `folio check`'s problems of each, in its mode). */
export type OnBatch = (articles: ArticleSummary[], problems?: BatchProblems) => void

type RequestBody = ShardRequest extends infer R ? (R extends ShardRequest ? Omit<R, 'id'> : never) : never
type Pending = {
  body: RequestBody
  resolve: (value: ShardReply) => void
  onBatch?: OnBatch
  onPaths?: (paths: string[]) => void
  /** Paths whose summaries came back already (summarize only), so a restart does not read them again. */
  received: Set<string>
}

/** Options of a ShardClient. */
export interface ShardClientOptions {
  /** This shard's summary cache (see summary-cache), null for none. */
  cacheFile?: string | null
  /** Summaries the shard sends after a restart: files read again, and the file that stopped the worker (with an error). */
  onRecovered?: OnBatch
  /** How long one file may keep the worker busy before it is abandoned and the file reported (ms); default 30,000. */
  fileTimeMs?: number
  /** The worker entry to run instead of index-worker (see worker-entry). */
  workerScript?: URL
  /** `folio check`'s mode (see ShardCoreOptions.withProblems). */
  withProblems?: boolean
}

/** Worker deaths while no file was being read (so no file can be set aside) before the shard gives up. */
const maxUnexplainedDeaths = 3

/**
 * The parent's handle on one index shard: sends requests, routes batches and replies. A worker that dies (out of
 * memory, a crash) or keeps one file longer than its time budget is replaced: the file it was reading is reported
 * with an error and left out, and everything else is read again. Requests never reject, except after `dispose`;
 * when the shard gives up they resolve to null.
 */
export class ShardClient {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private worker: Worker | null = null
  /** The worker entry this shard runs, null when it runs in this thread (see shardWorkerEntry). */
  private readonly entry: WorkerEntry | null
  private cursor = new ShardCursor()
  private readonly core: ShardCore | null
  private failure: Error | null = null
  private isDisposed = false
  private watchdog: NodeJS.Timeout | null = null
  private readonly owned = new Set<string>()
  private readonly setAside = new Map<string, ArticleSummary>()
  private hasBuiltTerms = false
  private unexplainedDeaths = 0
  private recovering: Promise<unknown> = Promise.resolve()
  /** Settles when a worker started after the full-text pass has indexed its words again (see resume). */
  private rebuilt: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly root: string,
    mode: ShardMode,
    private readonly options: ShardClientOptions = {},
  ) {
    // NOTE: the worker starts with the first request, not here: `folio serve` holds the index's requests until its
    // page is up (see ArticleIndex.holdBulkUntil), and two workers starting (a thread, Node, the shard's parsers) took
    // the CPU that page needed on two cores.
    this.entry = shardWorkerEntry(mode, options.workerScript ?? null)
    this.core = this.entry === null ? new ShardCore(root, { cacheFile: options.cacheFile ?? null, withProblems: options.withProblems }) : null
  }

  /** True when the shard runs in a worker thread. */
  get isWorker(): boolean {
    return this.entry !== null
  }

  /** Paths set aside because the worker died or stalled on them, with their error summaries. */
  get setAsideSummaries(): ArticleSummary[] {
    return [...this.setAside.values()]
  }

  /**
   * Lists the folder's articles in the shard's thread, handing paths to `onPaths` in chunks as they are found;
   * resolves true when done, false when the root cannot be read, null when the shard died.
   */
  list(onPaths: (paths: string[]) => void): Promise<boolean | null> {
    return this.call({ op: 'list' }, { onPaths }) as Promise<boolean | null>
  }

  /** Sends, in batches, the summaries of cached articles whose files are unchanged (none without a cache). */
  summarizeCached(onBatch: OnBatch): Promise<void> {
    return this.call({ op: 'summarize-cached' }, { onBatch }).then(() => undefined)
  }

  // NOTE: a path joins `owned` when its summary comes back (receive), as the same string the host keeps it by, not
  // when it is asked for: a second copy of every listed path (~4 MB on 50,000) for nothing; until it comes back it is
  // in its pending request, which a restart re-sends (see resume).
  summarize(paths: string[], onBatch: OnBatch): Promise<void> {
    return this.call({ op: 'summarize', paths }, { onBatch }).then(() => undefined)
  }

  buildTerms(onBatch: (articles: ArticleSummary[]) => void): Promise<void> {
    return this.call({ op: 'build-terms' }, { onBatch }).then(() => undefined)
  }

  update(path: string): Promise<{ summary: ArticleSummary; stamp: FileStamp } | null> {
    this.owned.add(path)
    // NOTE: a changed file gets another chance; if it stops the worker again it is set aside again.
    this.setAside.delete(path)
    return this.call({ op: 'update', path }) as Promise<{ summary: ArticleSummary; stamp: FileStamp } | null>
  }

  remove(path: string): Promise<void> {
    this.owned.delete(path)
    this.setAside.delete(path)
    return this.call({ op: 'remove', path }).then(() => undefined)
  }

  stampOf(path: string): Promise<FileStamp | null> {
    return this.call({ op: 'stamp', path }) as Promise<FileStamp | null>
  }

  search(terms: string[], limit: number): Promise<{ ranked: RankedMatch[]; total: number } | null> {
    return this.rebuilt.then(() => this.call({ op: 'search', terms, limit })) as Promise<{ ranked: RankedMatch[]; total: number } | null>
  }

  snippets(paths: string[], terms: string[]): Promise<SearchHit[] | null> {
    return this.call({ op: 'snippets', paths, terms }) as Promise<SearchHit[] | null>
  }

  /** The folder's front-matter schema, built in the shard's thread; null when the shard died. */
  folderSchema(): Promise<Result<FolderSchema> | null> {
    return this.call({ op: 'schema' }) as Promise<Result<FolderSchema> | null>
  }

  /** Writes the shard's summary cache unless it already says what the shard knows (see ShardCore.saveCacheIfStale). */
  saveCache(): Promise<void> {
    return this.call({ op: 'save-cache' }).then(() => undefined)
  }

  /** Stops the worker; pending requests resolve to null, later ones reject. */
  async dispose(): Promise<void> {
    this.isDisposed = true
    this.stopWatchdog()
    this.fail(new Error('the index was closed'))
    await this.worker?.terminate()
  }

  private spawn(entry: WorkerEntry): Worker {
    this.cursor = new ShardCursor()
    const worker = startShardWorker(entry, { root: this.root, cacheFile: this.options.cacheFile ?? null, cursor: this.cursor.buffer, withProblems: this.options.withProblems === true })
    let failure: Error | null = null
    worker.on('message', (message: ShardMessage) => {
      if (worker === this.worker) this.receive(message)
    })
    worker.on('error', (error) => {
      failure = error
    })
    worker.on('exit', (code) => {
      if (worker === this.worker) this.onDeath(describeDeath(failure, code), failure ?? new Error(`index worker exited with code ${code}`))
    })
    this.startWatchdog(worker)
    return worker
  }

  // NOTE: a worker stuck in a system call (a FIFO's open) cannot be stopped and may never exit; it is abandoned
  // (its messages ignored) and a new one takes over at once.
  private startWatchdog(worker: Worker): void {
    this.stopWatchdog()
    const limit = this.options.fileTimeMs ?? 30_000
    let file: string | null = null
    let started = -1
    let since = Date.now()
    this.watchdog = setInterval(() => {
      const nowFile = this.cursor.current()
      const nowStarted = this.cursor.started()
      if (nowFile === null || nowFile !== file || nowStarted !== started) {
        file = nowFile
        started = nowStarted
        since = Date.now()
        return
      }
      if (Date.now() - since < limit) return
      this.onDeath(`reading it took longer than ${limit / 1000} s`, new Error('the index worker stalled'))
      worker.terminate().catch(() => {
        // NOTE: an abandoned worker that cannot be stopped is left to its system call; nothing waits for it.
      })
    }, Math.max(20, Math.min(1000, limit / 4)))
    this.watchdog.unref()
  }

  private stopWatchdog(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog)
    this.watchdog = null
  }

  private onDeath(reason: string, error: Error): void {
    this.stopWatchdog()
    if (this.isDisposed || this.failure !== null) return
    const file = this.cursor.current()
    if (file === null && ++this.unexplainedDeaths > maxUnexplainedDeaths) {
      this.worker = null
      return this.fail(error)
    }
    if (file !== null) this.setAside.set(file, failedSummary(file, `Folio stopped reading this file: ${reason}.`).summary)
    this.worker = this.entry === null ? null : this.spawn(this.entry)
    this.resume(file)
  }

  /** Puts the new worker where the dead one was: re-reads its files, then re-sends what was pending. */
  private resume(file: string | null): void {
    const aside = file === null ? null : (this.setAside.get(file) ?? null)
    const inPending = new Set<string>()
    // NOTE: a path whose summary already came back is not re-sent with its request, but the new worker holds nothing
    // of it: it is read again below, or its words would be missing from the full-text index.
    for (const p of this.pending.values()) if (p.body.op === 'summarize') for (const path of p.body.paths) if (!p.received.has(path)) inPending.add(path)
    if (aside !== null && !inPending.has(file ?? '') && this.owned.has(aside.path)) this.options.onRecovered?.([aside])
    const again = [...this.owned].filter((path) => !this.setAside.has(path) && !inPending.has(path))
    const onRecovered: OnBatch = (articles, problems) => this.options.onRecovered?.(articles, problems)
    const waiting = [...this.pending]
    this.pending.clear()
    // NOTE: the words of the re-read files are indexed only once they are all summarized (as at start).
    // NOTE: chained to the re-reads of an earlier restart still in hand (resent below): words wait for all of them.
    const earlier = this.recovering
    const reread = again.length > 0 ? this.send({ op: 'summarize', paths: again }, { onBatch: onRecovered }) : null
    this.recovering = Promise.all([earlier, reread])
    // NOTE: the new worker holds no words until its own full-text pass ends; searches (new and resent below) wait for
    // it rather than answer from part of the shard as if it were all of it.
    if (this.hasBuiltTerms && !waiting.some(([, p]) => p.body.op === 'build-terms')) this.rebuilt = this.send({ op: 'build-terms' }, { onBatch: onRecovered })
    for (const [id, p] of waiting) this.resend(id, p, aside)
  }

  private resend(id: number, p: Pending, aside: ArticleSummary | null): void {
    const body = p.body
    const isAside = (path: string): boolean => this.setAside.has(path)
    if (body.op === 'summarize') {
      if (aside !== null && body.paths.includes(aside.path) && !p.received.has(aside.path)) p.onBatch?.([aside])
      return this.post(id, p, { op: 'summarize', paths: body.paths.filter((path) => !p.received.has(path) && !isAside(path)) })
    }
    if (body.op === 'update' && isAside(body.path)) return p.resolve({ summary: this.setAside.get(body.path) as ArticleSummary, stamp: { size: 0, mtimeMs: 0 } })
    if (body.op === 'stamp' && isAside(body.path)) return p.resolve(null)
    // NOTE: the host builds the schema itself when the shard cannot (see ArticleIndex.folderSchema).
    if (body.op === 'schema') return p.resolve(null)
    if (body.op === 'build-terms') {
      void this.recovering.then(() => this.post(id, p, body))
      return
    }
    if (body.op === 'snippets') return this.post(id, p, { ...body, paths: body.paths.filter((path) => !isAside(path)) })
    if (body.op === 'search') {
      void this.rebuilt.then(() => this.post(id, p, body))
      return
    }
    this.post(id, p, body)
  }

  private call(body: RequestBody, streams: Pick<Pending, 'onBatch' | 'onPaths'> = {}): Promise<ShardReply> {
    if (this.failure !== null) return this.isDisposed ? Promise.reject(this.failure) : Promise.resolve(null)
    return this.send(body, streams)
  }

  private send(body: RequestBody, streams: Pick<Pending, 'onBatch' | 'onPaths'>): Promise<ShardReply> {
    const id = this.nextId++
    return new Promise<ShardReply>((resolve) => {
      const p: Pending = { body, resolve, ...streams, received: new Set() }
      // NOTE: after a restart, words are indexed only once the files read again are summarized.
      if (body.op === 'build-terms') void this.recovering.then(() => this.post(id, p, body))
      else this.post(id, p, body)
    })
  }

  private post(id: number, p: Pending, body: RequestBody): void {
    if (this.failure !== null) return p.resolve(null)
    this.pending.set(id, p)
    const request = { ...body, id }
    if (this.entry === null) return void serveShardRequest(this.core as ShardCore, request, (message) => this.receive(message))
    this.worker ??= this.spawn(this.entry)
    this.worker.postMessage(request)
  }

  private receive(message: ShardMessage): void {
    const pending = this.pending.get(message.id)
    if (pending === undefined) return
    if (message.kind === 'batch') {
      for (const article of message.articles) {
        this.owned.add(article.path)
        if (pending.body.op === 'summarize') pending.received.add(article.path)
      }
      pending.onBatch?.(message.articles, message.problems)
    } else if (message.kind === 'paths') pending.onPaths?.(message.paths)
    else {
      this.pending.delete(message.id)
      if (pending.body.op === 'build-terms') this.hasBuiltTerms = true
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

function describeDeath(error: Error | null, code: number): string {
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the index ran out of memory on it'
  return `the index worker stopped on it (${error?.message ?? `exit code ${code}`})`
}
