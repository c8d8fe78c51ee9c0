import type { ArticleSummary, FolderEvent, IndexPage, IndexSnapshot, SearchHit, SearchResults } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { fail, ok, type Result } from '@shared/result'
import { listArticleFiles } from '../article-files'
import { nodeFs, type FsPort } from '../fs-port'
import { buildFolderSchema } from '../schema/folder-schema'
import { ShardClient, type OnBatch, type ShardMode } from './shard-client'
import type { CheckProblem } from './check-problem'
import type { BatchProblems } from './shard-protocol'
import { compareRanked, type FileStamp, type RankedMatch } from './shard-core'
import { internedList, isSameApartFromWordCount, shapedSummary } from './article-record'
import { shardCacheFile } from './summary-cache'
import { summarizeFirstRows } from './first-rows'
import { queryTerms } from './term-index'
import { skippedNote } from './folder-search'
import { articleScopeOf } from './folder-walk'
import { ResumableScan } from './resumable-scan'
import { withSnippets } from './folder-scan'

/** How long a search may read files while the index builds before it answers with what it found (ms). */
const defaultScanBudgetMs = 500

/** How many queries' scans (see searchByScan) are kept while the index builds: the latest asked and the one before. */
const keptScans = 2

/** Options of the folder index. */
export interface ArticleIndexOptions {
  /** How many shards (worker threads); default 2, the machine's cores. */
  shards?: number
  /** Where shards run (see ShardMode); default `auto`. */
  mode?: ShardMode
  /** Receives `index-progress` and `articles-indexed` events. */
  onEvent?: (event: FolderEvent) => void
  /**
   * Where summaries are cached between runs (see summary-cache: checked per file by size, mtime and ctime, so a
   * reopened folder reads only what changed); null or absent: no cache.
   */
  cacheDir?: string | null
  /** How often batches and progress are pushed while summarizing (ms; ten times that during the full-text pass); default 100. */
  flushIntervalMs?: number
  fs?: FsPort
  /** How long one file may keep a shard busy before the shard is restarted without it (ms); see ShardClient. */
  fileTimeMs?: number
  /** The worker entry the shards run instead of index-worker (see ShardClientOptions). */
  workerScript?: URL
  /**
   * How much of the host thread's time one search may spend reading files while the full-text index builds (ms; see
   * searchByScan), in steps of about a millisecond; default 500. 0: one step per search.
   */
  scanBudgetMs?: number
  /** `folio check`'s mode: every article's problems are kept too (see problemsOf and ShardCoreOptions.withProblems). */
  withProblems?: boolean
  /**
   * Every article of the folder, listed already by the shards' own rules (listArticleChunks): the index takes these
   * instead of listing again. A one-off command lists a small folder to decide where its shards run.
   */
  listed?: readonly string[]
}

function shardOf(path: string, count: number): number {
  let h = 0
  for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) | 0
  return Math.abs(h) % count
}

const noop = (): void => undefined

/** The one copy of each front-matter format and build status word (see receive). */
const sharedFormats = new Map<string, ArticleSummary['format']>((['yaml', 'toml', 'json', 'none'] as const).map((word) => [word, word]))
const sharedStatuses = new Map<string, NonNullable<ArticleSummary['buildStatus']>>((['published', 'draft', 'future', 'expired'] as const).map((word) => [word, word]))

const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The index in sorted `paths` of the first path after `after`. */
function firstAfter(paths: readonly string[], after: string): number {
  let lo = 0
  let hi = paths.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((paths[mid]) <= after) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The folder index: summaries of every article (title, dates, tags, build status, errors) and a full-text index,
 * built in worker threads so neither the UI nor the host's event loop waits. Construct, `start()`, `dispose()`.
 * Only summaries are persisted (with `cacheDir`), and each is used only while its file's stamp is unchanged.
 */
export class ArticleIndex {
  private readonly shards: ShardClient[]
  private readonly summaries = new Map<string, ArticleSummary>()
  private readonly problems = new Map<string, readonly CheckProblem[] | null>()
  private total = 0
  private isSummarized = false
  private isSearchable = false
  private pendingBatch: ArticleSummary[] = []
  private flushTimer: NodeJS.Timeout | null = null
  private hasFlushedRows = false
  private summarized: Promise<Result<void>> | null = null
  private searchable: Promise<void> | null = null
  private isDisposed = false
  private fullTextGate: Promise<unknown> = Promise.resolve()
  private bulkGate: Promise<unknown> | null = null
  /** The scans of the latest queries asked while the full-text index builds (see searchByScan), by their terms. */
  private readonly scans = new Map<string, ResumableScan>()

  constructor(
    private readonly root: string,
    private readonly options: ArticleIndexOptions = {},
  ) {
    const count = Math.max(1, options.shards ?? 2)
    const cacheDir = options.cacheDir ?? null
    this.shards = Array.from({ length: count }, (_, i) => {
      const cacheFile = cacheDir === null ? null : shardCacheFile(cacheDir, root, i, count)
      // NOTE: a shard restarted after its worker died sends what it read again, and the file it died on, here.
      const onRecovered: OnBatch = (batch, problems) => this.receive(batch, problems)
      return new ShardClient(root, options.mode ?? 'auto', { cacheFile, onRecovered, fileTimeMs: options.fileTimeMs, workerScript: options.workerScript, withProblems: options.withProblems })
    })
  }

  /** Lists the folder and indexes it; resolves when every summary is in (full text follows, see `whenSearchable`). */
  start(): Promise<Result<void>> {
    this.summarized ??= this.run().catch((error: unknown) => this.afterDispose(error, fail('IO', 'The folder index was closed.')))
    return this.summarized
  }

  /**
   * Holds the full-text pass until `ready` settles (call before `start`). That pass reads every file again and
   * reports each summary that changed since the summary pass; held until the watcher is ready, no outside change
   * can fall between the two.
   */
  holdFullTextUntil(ready: Promise<unknown>): void {
    this.fullTextGate = ready
  }

  /**
   * Holds everything after the first rows (see sendFirstRows) until `ready` settles: the listing, the cached
   * summaries and the summary pass (call before `start`). NOTE: for a host whose first screen is asked for at once
   * (`folio serve` opened in a browser): the first rows are in, and the bulk of the work in this thread (50,000
   * paths sent to the shards, then as many summaries received, and their garbage) would otherwise make that page
   * wait behind it.
   */
  holdBulkUntil(ready: Promise<unknown>): void {
    this.bulkGate = ready
  }

  /** Resolves when the full-text index covers every article found by `start`. */
  async whenSearchable(): Promise<void> {
    await this.start()
    await this.searchable
  }

  /** The summaries so far, by path, with progress counts: all of them, or the page asked for. */
  snapshot(page?: IndexPage): IndexSnapshot {
    const paths = this.sortedPaths()
    let from = 0
    let to = paths.length
    if (page !== undefined) {
      from = page.after === null ? 0 : firstAfter(paths, page.after)
      to = Math.min(paths.length, from + page.limit)
    }
    const articles = paths.slice(from, to).map((path) => this.summaries.get(path) as ArticleSummary)
    const nextAfter = to < paths.length ? (paths[to - 1] ?? null) : null
    return { articles, done: this.summaries.size, total: Math.max(this.total, this.summaries.size), isComplete: this.isSummarized, nextAfter }
  }

  // NOTE: kept between calls (a large folder's list is fetched in pages); only a path added or dropped re-sorts.
  private sortedPathCache: string[] | null = null

  private sortedPaths(): string[] {
    this.sortedPathCache ??= [...this.summaries.keys()].sort(comparePaths)
    return this.sortedPathCache
  }

  private setSummary(summary: ArticleSummary): void {
    if (!this.summaries.has(summary.path)) this.sortedPathCache = null
    this.summaries.set(summary.path, summary)
  }

  private deleteSummary(path: string): void {
    this.problems.delete(path)
    if (this.summaries.delete(path)) this.sortedPathCache = null
    this.dropPending(path)
  }

  /**
   * Takes `path` out of the batch waiting to go out (see flush). NOTE: a re-index after a save or an outside change
   * goes out at once; a summary of the same article read before it and still waiting would otherwise go out after
   * it, and the client (the list) would keep the old title, or show again an article just removed.
   */
  private dropPending(path: string): void {
    if (this.pendingBatch.some((s) => s.path === path)) this.pendingBatch = this.pendingBatch.filter((s) => s.path !== path)
  }

  /**
   * `folio check`'s problems of one article (with `withProblems`), in text order: null when its file could not be
   * read as UTF-8 text (the caller reads it through the store for the exact message), undefined when not indexed.
   */
  problemsOf(path: string): readonly CheckProblem[] | null | undefined {
    return this.problems.get(path)
  }

  /** The current summary of one article, if indexed. */
  summaryOf(path: string): ArticleSummary | undefined {
    return this.summaries.get(path)
  }

  /** The indexed articles inside a folder (relative, `/` separators), at any depth. */
  pathsUnder(folder: string): string[] {
    const prefix = `${folder}/`
    return [...this.summaries.keys()].filter((p) => p.startsWith(prefix))
  }

  /** Re-indexes one article after a change; emits `articles-indexed`. Null (and the article is dropped) when it is gone. */
  async update(path: string): Promise<{ summary: ArticleSummary; stamp: FileStamp } | null> {
    const updated = await this.shardFor(path)
      .update(path)
      .catch((error: unknown) => this.afterDispose(error, null))
    if (updated === null) {
      this.deleteSummary(path)
      return null
    }
    this.setSummary(updated.summary)
    this.dropPending(path)
    for (const scan of this.scans.values()) scan.touch(path)
    this.options.onEvent?.({ kind: 'articles-indexed', articles: [updated.summary] })
    return updated
  }

  /** Drops one article (deleted or renamed away). */
  async remove(path: string): Promise<void> {
    this.deleteSummary(path)
    for (const scan of this.scans.values()) scan.touch(path)
    await this.shardFor(path)
      .remove(path)
      .catch((error: unknown) => this.afterDispose(error, undefined))
  }

  /** Size and mtime recorded when the article was indexed (for rename detection). */
  stampOf(path: string): Promise<FileStamp | null> {
    return this.shardFor(path)
      .stampOf(path)
      .catch((error: unknown) => this.afterDispose(error, null))
  }

  /** Full-text search: every word of the query must occur (the last as a prefix). Title matches first, then by path. */
  async search(query: string, limit = 200): Promise<Result<SearchResults>> {
    const terms = queryTerms(query)
    if (terms.length === 0) return ok({ query, hits: [], total: 0, isComplete: this.isSearchable })
    if (!this.isSearchable && !this.isDisposed) return this.searchByScan(query, terms, limit)
    const parts = await Promise.all(this.shards.map((s) => s.search(terms, limit))).catch((error: unknown) => this.afterDispose(error, [null]))
    const ranked: RankedMatch[] = []
    let total = 0
    for (const part of parts) {
      if (part === null) return fail('IO', 'The search index stopped; reopen the folder.')
      total += part.total
      ranked.push(...part.ranked)
    }
    const shown = ranked.sort(compareRanked).slice(0, limit)
    const byShard = this.shards.map(() => [] as string[])
    for (const match of shown) byShard[this.shards.indexOf(this.shardFor(match.path))]?.push(match.path)
    const snippetParts = await Promise.all(this.shards.map((s, i) => ((byShard[i]?.length ?? 0) > 0 ? s.snippets(byShard[i] ?? [], terms) : Promise.resolve([])))).catch((error: unknown) =>
      this.afterDispose(error, [] as (SearchHit[] | null)[]),
    )
    const hitsByPath = new Map<string, SearchHit>()
    for (const part of snippetParts) for (const hit of part ?? []) hitsByPath.set(hit.path, hit)
    const hits = shown.map((m) => hitsByPath.get(m.path) ?? { path: m.path, title: this.summaries.get(m.path)?.title ?? null, snippets: [] })
    return ok({ query, hits, total, isComplete: this.isSearchable })
  }

  /**
   * A search while the full-text index is still building: the shards are busy (a slow file in hand, a cold start),
   * so the folder is scanned directly instead (see ResumableScan), with no front matter parsed: hits whose summary is
   * in already rank by its title, the rest by path. Each ask of the same words goes on with the same scan for at
   * most the budget, in short steps, so the answer grows ask by ask to cover the whole folder; it says it is partial.
   */
  private async searchByScan(query: string, terms: string[], limit: number): Promise<Result<SearchResults>> {
    const key = terms.join('\n')
    const scan = this.scans.get(key) ?? new ResumableScan(this.root, terms, () => articleScopeOf(this.root))
    // NOTE: the latest asked last, so the one asked longest ago is dropped first.
    this.scans.delete(key)
    this.scans.set(key, scan)
    if (this.scans.size > keptScans) this.scans.delete(this.scans.keys().next().value as string)
    const advanced = await scan.advance(this.options.scanBudgetMs ?? defaultScanBudgetMs)
    if (!advanced.ok) return advanced
    const found = advanced.value
    const hits = await withSnippets(this.root, scan.ranked((path) => this.summaries.get(path)?.title ?? null, limit), terms)
    const notes = [
      'The folder is still being indexed: this answer comes from reading the files directly, and articles not indexed yet rank by path.',
      found.isDone ? undefined : `${found.read} of the ${found.listed} files listed so far are read; more may match (the search reads on each time it is asked).`,
      skippedNote(found),
    ]
    return ok({ query, hits, total: found.matches.size, isComplete: false, note: notes.filter((n) => n !== undefined).join(' ') })
  }

  /** The folder's front-matter schema, built in the first shard's thread (in this one if that shard died). */
  async folderSchema(): Promise<Result<FolderSchema>> {
    const built = await this.shards[0].folderSchema().catch((error: unknown) => {
      if (!(error instanceof Error)) throw error
      return null
    })
    return built ?? buildFolderSchema(this.root)
  }

  /**
   * Writes the summary cache (with `cacheDir`) from what the summary pass read, for a one-off command that holds the
   * full-text pass (which otherwise writes it, with word counts); nothing when nothing changed since it was read.
   */
  async saveCache(): Promise<void> {
    await Promise.all(this.shards.map((s) => s.saveCache())).catch((error: unknown) => this.afterDispose(error, undefined))
  }

  /** Stops the workers. */
  async dispose(): Promise<void> {
    this.isDisposed = true
    this.scans.clear()
    if (this.flushTimer !== null) clearTimeout(this.flushTimer)
    this.flushTimer = null
    await Promise.all(this.shards.map((s) => s.dispose()))
  }

  // NOTE: closing the folder mid-index makes the shards refuse further work (they reject only then); that ends the
  // build and any late request quietly. Any other failure is a bug and stays loud.
  private afterDispose<T>(error: unknown, value: T): T {
    if (this.isDisposed) return value
    throw error
  }

  private shardFor(path: string): ShardClient {
    return this.shards[shardOf(path, this.shards.length)]
  }

  private async run(): Promise<Result<void>> {
    // NOTE: with a summary cache, the rows of unchanged files go out while the first shard lists the folder; the
    // listing then settles it: a cached row it lacks is dropped, a file the cache lacked is read. The first rows
    // read in this thread (see sendFirstRows) are settled the same way.
    const fromCache = new Map<string, ArticleSummary>()
    this.sendFirstRows(fromCache)
    if (this.bulkGate !== null) await this.bulkGate.then(noop, noop)
    const cachedPass = this.options.cacheDir ? this.summarizeCached(fromCache) : Promise.resolve()
    // NOTE: each chunk of the listing goes to the shards as it comes, so they summarize while the rest is listed.
    const listed = new Set<string>()
    const summarizing: Promise<void>[] = []
    const take = (paths: string[]): void => {
      const parts: string[][] = this.shards.map(() => [])
      for (const rel of paths) {
        if (listed.has(rel)) continue
        listed.add(rel)
        parts[shardOf(rel, parts.length)]?.push(rel)
      }
      this.total = listed.size
      this.options.onEvent?.({ kind: 'index-progress', done: this.summaries.size, total: Math.max(this.total, this.summaries.size) })
      this.shards.forEach((shard, i) => {
        const part = parts[i] ?? []
        if (part.length > 0) summarizing.push(shard.summarize(part, (batch, problems) => this.receive(batch, problems)))
      })
    }
    const files = await this.listFiles(take)
    if (!files.ok) {
      await Promise.all([cachedPass, ...summarizing])
      this.summaries.clear()
      this.sortedPathCache = null
      return files
    }
    await Promise.all([cachedPass, ...summarizing])
    await this.dropUnlisted(fromCache, listed)
    this.isSummarized = true
    this.flush()
    // NOTE: a watcher that failed to start is reported by the session; the words are indexed all the same.
    const gate = this.fullTextGate.then(
      () => undefined,
      () => undefined,
    )
    this.searchable = gate.then(() => Promise.all(this.shards.map((s) => s.buildTerms((batch) => this.receive(batch))))).then(
      () => {
        this.flush()
        this.isSearchable = true
        this.scans.clear()
      },
      (error: unknown) => this.afterDispose(error, undefined),
    )
    return ok(undefined)
  }

  /**
   * Sends the summaries of the first few articles found, read in this thread, before the shards have started. Only
   * for a watched index with worker shards: in-thread shards (the CLI's small folders) would read them twice for nothing.
   * NOTE: a worker thread takes a second or more to start and load its parsers on a busy machine, and its cache
   * file longer still; a list should not show nothing meanwhile.
   */
  private sendFirstRows(early: Map<string, ArticleSummary>): void {
    const isOwnFs = this.options.fs === undefined || this.options.fs === nodeFs
    if (this.options.onEvent === undefined || !isOwnFs || !this.shards[0].isWorker) return
    const rows = summarizeFirstRows(this.root)
    if (rows.length > 0) for (const summary of this.receive(rows)) early.set(summary.path, summary)
  }

  private summarizeCached(fromCache: Map<string, ArticleSummary>): Promise<void> {
    const receive: OnBatch = (batch, problems) => {
      for (const summary of this.receive(batch, problems)) fromCache.set(summary.path, summary)
    }
    return Promise.all(this.shards.map((shard) => shard.summarizeCached(receive))).then(() => undefined)
  }

  /** Drops the rows sent from the cache that the listing did not find (unless an update has replaced them since). */
  private async dropUnlisted(fromCache: Map<string, ArticleSummary>, listed: Set<string>): Promise<void> {
    const unlisted = [...fromCache].filter(([path, summary]) => !listed.has(path) && this.summaries.get(path) === summary).map(([path]) => path)
    if (unlisted.length === 0) return
    // NOTE: rows still waiting to be pushed go first, so a client never sees a removal before the row itself.
    this.flush()
    for (const path of unlisted) {
      await this.remove(path)
      this.options.onEvent?.({ kind: 'article-removed', path })
    }
  }

  // NOTE: listing thousands of folders with async readdir costs a round trip per folder; a shard lists
  // synchronously in its own thread instead. A custom FsPort (tests injecting faults) keeps the async path.
  private async listFiles(take: (paths: string[]) => void): Promise<Result<void>> {
    if (this.options.listed !== undefined) {
      take([...this.options.listed])
      return ok(undefined)
    }
    const first = this.shards[0]
    const isShardListing = this.options.fs === undefined || this.options.fs === nodeFs
    const listed = isShardListing
      ? await first.list(take).catch((error: unknown) => {
          // NOTE: a dead shard rejects; the async listing still answers (and indexing then reports the shard's failure).
          if (!(error instanceof Error)) throw error
          return null
        })
      : null
    if (listed === true) return ok(undefined)
    // NOTE: also when the root cannot be read: the async listing turns the errno into a proper Result.
    const files = await listArticleFiles(this.root, this.options.fs)
    if (!files.ok) return files
    take(files.value)
    return ok(undefined)
  }

  /** Takes a batch of summaries in; returns the objects kept for them (see shapedSummary), in the batch's order. */
  private receive(batch: ArticleSummary[], problems?: BatchProblems): ArticleSummary[] {
    if (this.options.withProblems === true) batch.forEach((summary, i) => this.problems.set(summary.path, problems?.[i] ?? null))
    const kept: ArticleSummary[] = []
    for (const summary of batch) {
      // NOTE: the full-text pass sends every summary again with its word count; when that is all that changed,
      // the summary kept since the summary pass takes it (50,000 long-lived objects are not all replaced).
      const known = this.summaries.get(summary.path)
      if (known !== undefined && known.wordCount === undefined && isSameApartFromWordCount(known, summary)) {
        known.wordCount = summary.wordCount
        kept.push(known)
        continue
      }
      // NOTE: each batch arrives as fresh copies; shared tag and category names keep 50,000 summaries small, and so
      // do the format and build status, a few words each summary had its own copy of (~2.5 MB on 50,000). The one
      // kept is a copy of one shape (see shapedSummary).
      const shaped = shapedSummary(summary)
      if (shaped.tags !== undefined) shaped.tags = internedList(shaped.tags)
      if (shaped.categories !== undefined) shaped.categories = internedList(shaped.categories)
      shaped.format = sharedFormats.get(shaped.format) ?? shaped.format
      if (shaped.buildStatus !== undefined) shaped.buildStatus = sharedStatuses.get(shaped.buildStatus) ?? shaped.buildStatus
      this.setSummary(shaped)
      kept.push(shaped)
    }
    if (this.options.onEvent === undefined) return kept
    for (const summary of kept) this.pendingBatch.push(summary)
    // NOTE: the first rows go out at once so a list can show them before the rest is indexed.
    if (!this.hasFlushedRows) {
      this.hasFlushedRows = true
      this.flush()
      return kept
    }
    // NOTE: once every row is in, the full-text pass's updates (word counts) are no hurry: fewer, larger batches
    // spare a client re-sorting 50,000 rows ten times a second.
    const interval = this.options.flushIntervalMs ?? 100
    this.flushTimer ??= setTimeout(() => this.flush(), this.isSummarized ? interval * 10 : interval)
    return kept
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const onEvent = this.options.onEvent
    if (onEvent === undefined) return
    if (this.pendingBatch.length > 0) onEvent({ kind: 'articles-indexed', articles: this.pendingBatch })
    this.pendingBatch = []
    onEvent({ kind: 'index-progress', done: this.summaries.size, total: Math.max(this.total, this.summaries.size) })
  }
}
