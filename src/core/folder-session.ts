import path from 'node:path'
import type { ArticleDocument, ArticleSummary, FolderEvent, FolderInfo, IndexPage, IndexSnapshot, SearchResults, Unsubscribe, WriteArticleRequest, WriteArticleResult } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { fail, ok, type Result } from '@shared/result'
import { summarizeArticle } from './article-summary'
import { ContentRoot } from './content-root'
import { decodeLossy } from './file-codec'
import { KnownHashes } from './file-version'
import { FolderWatcher } from './folder-watcher'
import { nodeFs, type FsPort } from './fs-port'
import { toArticleDocument, writeArticleText } from './store/article-text'
import { maxArticleBytes as storeMaxBytes } from './store/article-store'
import { NodeArticleStore } from './store/node-store'
import type { Trasher } from './store/trasher'
import { ArticleIndex, type ArticleIndexOptions } from './index/article-index'
import { RenameWindow } from './index/rename-window'
import { GitService } from './git/git-service'
import type { GitRunnerOptions } from './git/git-runner'

const noop = (): void => undefined

/** Files larger than this are refused with TOO_LARGE (bytes); the store's limit. */
export const maxArticleBytes = storeMaxBytes

/** Options of FolderSession.open. */
export interface FolderSessionOptions {
  fs?: FsPort
  /** Passed to the store (tests make rename retries fast). */
  retryDelayMs?: number
  /** Where trash goes (default: the `trash` package); the desktop shell injects Electron's shell.trashItem. */
  trasher?: Trasher
  onWatchError?: (error: unknown) => void
  /** Options of the folder index (shard count, worker or in-process). */
  index?: Omit<ArticleIndexOptions, 'onEvent' | 'fs'>
  /** Options of the git commands (tests: the environment git starts from). */
  git?: Omit<GitRunnerOptions, 'cwd'>
}

/** What Folio itself did to the folder's articles (see FolderSession.followAuthoring); paths relative, `/` separators. */
export type AuthoredChange =
  | { kind: 'added'; paths: string[] }
  | { kind: 'moved'; from: string; to: string; isFolder: boolean }
  | { kind: 'removed'; path: string; isFolder: boolean }

/**
 * The opened content folder: reads and writes articles byte-exact and safely (version check, atomic write),
 * lists them, and watches for outside changes. Construct with open(), then start() to watch, dispose() to stop.
 */
export class FolderSession {
  private readonly known = new KnownHashes()
  private readonly watcher: FolderWatcher
  private readonly listeners = new Set<(event: FolderEvent) => void>()
  private readonly index: ArticleIndex
  private readonly renames: RenameWindow
  private hasStartedIndex = false
  /** Set once a client asks for the index; until then its events are not pushed and watcher events pass through as they come. */
  private isIndexObserved = false
  /** Git for this folder (status, commit, sync, history); runs nothing until asked. */
  readonly git: GitService

  private constructor(
    /** The confined root (assets and git resolve paths here; articles go through `store`). */
    readonly root: ContentRoot,
    /** The one article store: every read and write of an article goes through it. */
    readonly store: NodeArticleStore,
    private readonly fs: FsPort,
    options: FolderSessionOptions,
  ) {
    this.watcher = new FolderWatcher({ root, store, fs, known: this.known, onError: options.onWatchError, articlesUnder: (folder) => this.index.pathsUnder(folder) })
    this.index = new ArticleIndex(root.root, { ...options.index, fs, onEvent: (event) => this.isIndexObserved && this.emit(event) })
    this.renames = new RenameWindow((event) => this.emit(event))
    this.watcher.onEvent((event) => void this.onWatcherEvent(event))
    this.git = new GitService({ store: this, emit: (event) => this.emit(event), runner: { cwd: root.root, ...options.git } })
  }

  /** Opens `dir`; fails with NOT_FOUND/INVALID_PATH/PERMISSION when it is not a readable folder. */
  static async open(dir: string, options: FolderSessionOptions = {}): Promise<Result<FolderSession>> {
    const fs = options.fs ?? nodeFs
    const root = await ContentRoot.open(dir, fs)
    if (!root.ok) return root
    const store = await NodeArticleStore.open(root.value.root, { fs, trasher: options.trasher, retryDelayMs: options.retryDelayMs })
    return store.ok ? ok(new FolderSession(root.value, store.value, fs, options)) : store
  }

  /** The folder for display: its real path and name. */
  info(): FolderInfo {
    return { root: this.root.root, name: path.basename(this.root.root) }
  }

  /** Every article with its summary, sorted by path; an unreadable article is listed by path with an error. Waits for the index. */
  async listArticles(): Promise<Result<ArticleSummary[]>> {
    // NOTE: answered from the folder index (worker threads, fast scanner) so a large folder does not tie up this
    // process; the fields are the original summary's, getArticleIndex has the rest. A custom FsPort reads directly.
    if (this.fs === nodeFs) {
      this.startIndex()
      const indexed = await this.index.start()
      if (!indexed.ok) return indexed
      return ok(this.index.snapshot().articles.map(({ path, title, date, isDraft, format, error }) => (error === undefined ? { path, title, date, isDraft, format } : { path, title, date, isDraft, format, error })))
    }
    const files: string[] = []
    const listed = await this.store.list((paths) => files.push(...paths))
    if (!listed.ok) return listed
    const summaries: ArticleSummary[] = []
    for (const rel of files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const read = await this.store.read(rel, { followLinks: false })
      if (read.ok) summaries.push(summarizeArticle(rel, decodeLossy(read.value.bytes)))
      else summaries.push({ path: rel, title: null, date: null, isDraft: false, format: 'none', error: { message: read.error.message, line: 1, column: 1, isFileError: true } })
    }
    return ok(summaries)
  }

  /**
   * Reads an article as LF text plus its format and version. Over 10 MB: TOO_LARGE. Binary or invalid UTF-8: a
   * read-only document with lossy text (never saved).
   */
  async readArticle(relPath: unknown): Promise<Result<ArticleDocument>> {
    if (typeof relPath !== 'string') return fail('INVALID_ARGUMENT', 'A path must be a string.')
    const read = await this.store.read(relPath)
    if (!read.ok) return read
    // NOTE: a read does not mark its text as known to the watcher. `known` drops events for states the index has
    // already followed (Folio's own writes, changes the watcher reported); an editor that read a new outside text
    // first (reloading after the first of two events of one rewrite) made the watcher drop the rewrite's last event,
    // and the index kept the half-written article. The watcher's event for a text the tab already shows is a no-op
    // in the renderer (same hash).
    return ok(toArticleDocument(relPath, read.value))
  }

  /**
   * Saves an article (writeArticleText over the store): CONFLICT when the file no longer matches
   * `baseVersion.hash` (unless `force`), READ_ONLY for a read-only file unless `makeWritable`, TOO_LARGE past 10 MB;
   * writes nothing when the bytes are already equal. A file deleted outside is re-created. Writes to one real file
   * are serialised, whatever name they use.
   */
  async writeArticle(request: WriteArticleRequest): Promise<Result<WriteArticleResult>> {
    const written = await writeArticleText(this.store, request, (hash) => (hash === null ? this.known.delete(request.path) : this.known.set(request.path, hash)))
    if (written.ok && written.value.written && this.hasStartedIndex) void this.index.update(request.path)
    return written
  }

  /** Sends one file to the system trash through the store (never deleted for good), and drops it from the index at once. */
  async trashFile(relPath: string): Promise<Result<void>> {
    const trashed = await this.store.trash(relPath)
    if (trashed.ok) {
      this.known.delete(relPath)
      await this.followAuthoring({ kind: 'removed', path: relPath, isFolder: false })
    }
    return trashed
  }

  /**
   * Brings the index up to date at once after Folio itself created, moved or trashed articles, so the list follows
   * without waiting for the watcher (which reports the same a moment later; its events then change nothing). A
   * folder (a bundle) moves or goes with every article indexed under it. Emits `article-renamed`/`article-removed`
   * to observers; `articles-indexed` comes from the index.
   */
  async followAuthoring(change: AuthoredChange): Promise<void> {
    if (!this.hasStartedIndex) return
    const under = (p: string, isFolder: boolean): string[] => (isFolder ? this.index.pathsUnder(p) : [p])
    if (change.kind === 'moved') {
      for (const from of under(change.from, change.isFolder)) {
        const to = change.isFolder ? change.to + from.slice(change.from.length) : change.to
        await this.index.remove(from)
        await this.index.update(to)
        if (this.isIndexObserved) this.emit({ kind: 'article-renamed', from, to })
      }
    } else if (change.kind === 'removed') {
      for (const p of under(change.path, change.isFolder)) {
        await this.index.remove(p)
        if (this.isIndexObserved) this.emit({ kind: 'article-removed', path: p })
      }
    } else {
      for (const p of change.paths) await this.index.update(p)
    }
  }

  /**
   * Starts the watcher and, beside it, the folder index in the background so rows are ready early; resolves when the
   * watcher is ready. With `hold`, the index reads its first rows now and the rest (and the watcher) waits until
   * `hold` settles (see ArticleIndex.holdBulkUntil).
   */
  async start(hold?: Promise<unknown>): Promise<void> {
    // NOTE: the watcher's first crawl of a large folder takes a while; the index does not wait for it. Its full-text
    // pass does, and re-reads every file, so a change made before the watcher was ready (or while held) still
    // reaches the list.
    const watching = hold === undefined ? this.watcher.start() : hold.then(noop, noop).then(() => this.watcher.start())
    this.index.holdFullTextUntil(watching)
    if (hold !== undefined) this.index.holdBulkUntil(hold)
    this.startIndex()
    await watching
  }

  /** Stops the watcher and the index; the session must not be used afterwards. */
  async dispose(): Promise<void> {
    this.renames.dispose()
    this.git.dispose()
    this.listeners.clear()
    await Promise.all([this.watcher.dispose(), this.index.dispose()])
  }

  /** Subscribes to outside changes and index progress; returns the unsubscribe function. */
  onEvent(listener: (event: FolderEvent) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The folder index as far as it has got (starts indexing if it had not begun); its events follow from now on. */
  articleIndex(page?: IndexPage): Result<IndexSnapshot> {
    this.observeIndex()
    return ok(this.index.snapshot(page))
  }

  /** Resolves when every summary is indexed; fails only when the folder cannot be listed. */
  whenIndexed(): Promise<Result<void>> {
    this.observeIndex()
    return this.index.start()
  }

  /** The folder's front-matter schema (see buildFolderSchema), built off this thread by the folder index. */
  folderSchema(): Promise<Result<FolderSchema>> {
    return this.index.folderSchema()
  }

  /** Full-text search over the folder (see ArticleIndex.search). */
  searchArticles(query: string, limit?: number): Promise<Result<SearchResults>> {
    this.observeIndex()
    return this.index.search(query, limit)
  }

  private observeIndex(): void {
    this.isIndexObserved = true
    this.startIndex()
  }

  private startIndex(): void {
    if (this.hasStartedIndex) return
    this.hasStartedIndex = true
    void this.index.start()
  }

  private emit(event: FolderEvent): void {
    for (const listener of [...this.listeners]) listener(event)
  }

  // NOTE: the watcher has already dropped echoes of our own writes (by content hash); what arrives here is outside.
  // Until a client observes the index, events pass through unchanged (the index is still kept current, quietly).
  private async onWatcherEvent(event: FolderEvent): Promise<void> {
    if (!this.isIndexObserved) {
      this.emit(event)
      if (!this.hasStartedIndex) return
      if (event.kind === 'article-removed') await this.index.remove(event.path)
      else if (event.kind === 'article-added' || event.kind === 'article-changed') await this.index.update(event.path)
      return
    }
    if (event.kind === 'article-added') {
      const updated = await this.index.update(event.path)
      this.renames.added(event.path, updated?.stamp ?? null)
    } else if (event.kind === 'article-removed') {
      const stamp = await this.index.stampOf(event.path)
      await this.index.remove(event.path)
      this.renames.removed(event.path, stamp)
    } else {
      this.emit(event)
      if (event.kind === 'article-changed') await this.index.update(event.path)
    }
  }
}
