import path from 'node:path'
import type { ArticleDocument, ArticleSummary, FolderEvent, FolderInfo, IndexPage, IndexSnapshot, SearchResults, Unsubscribe, WriteArticleRequest, WriteArticleResult } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { fail, ok, type Result } from '@shared/result'
import { listArticleFiles } from './article-files'
import { summarizeArticle } from './article-summary'
import { writeFileAtomic } from './atomic-write'
import { ContentRoot } from './content-root'
import { errnoCode, errnoToResult } from './errno'
import { decodeLossy, decodeText, encodeText } from './file-codec'
import { KnownHashes, hashBytes, versionOf } from './file-version'
import { FolderWatcher } from './folder-watcher'
import { nodeFs, type FsPort } from './fs-port'
import { resolveArticlePath } from './article-path'
import { ArticleIndex, type ArticleIndexOptions } from './index/article-index'
import { RenameWindow } from './index/rename-window'
import { GitService } from './git/git-service'
import type { GitRunnerOptions } from './git/git-runner'

/** Files larger than this are refused with TOO_LARGE (bytes). */
export const maxArticleBytes = 10 * 1024 * 1024

/** Options of FolderSession.open. */
export interface FolderSessionOptions {
  fs?: FsPort
  /** Passed to writeFileAtomic (tests make retries fast). */
  retryDelayMs?: number
  onWatchError?: (error: unknown) => void
  /** Options of the folder index (shard count, worker or in-process). */
  index?: Omit<ArticleIndexOptions, 'onEvent' | 'fs'>
  /** Options of the git commands (tests: the environment git starts from). */
  git?: Omit<GitRunnerOptions, 'cwd'>
}

/**
 * The opened content folder: reads and writes articles byte-exact and safely (version check, atomic write),
 * lists them, and watches for outside changes. Construct with open(), then start() to watch, dispose() to stop.
 */
export class FolderSession {
  private readonly known = new KnownHashes()
  private readonly watcher: FolderWatcher
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly listeners = new Set<(event: FolderEvent) => void>()
  private readonly index: ArticleIndex
  private readonly renames: RenameWindow
  private hasStartedIndex = false
  /** Set once a client asks for the index; until then its events are not pushed and watcher events pass through as they come. */
  private isIndexObserved = false
  /** Git for this folder (status, commit, sync, history); runs nothing until asked. */
  readonly git: GitService

  private constructor(
    /** The confined root every path goes through. */
    readonly root: ContentRoot,
    private readonly fs: FsPort,
    private readonly options: FolderSessionOptions,
  ) {
    this.watcher = new FolderWatcher({ root, fs, known: this.known, onError: options.onWatchError, articlesUnder: (folder) => this.index.pathsUnder(folder) })
    this.index = new ArticleIndex(root.root, { ...options.index, fs, onEvent: (event) => this.isIndexObserved && this.emit(event) })
    this.renames = new RenameWindow((event) => this.emit(event))
    this.watcher.onEvent((event) => void this.onWatcherEvent(event))
    this.git = new GitService({ store: this, emit: (event) => this.emit(event), runner: { cwd: root.root, ...options.git } })
  }

  /** Opens `dir`; fails with NOT_FOUND/INVALID_PATH/PERMISSION when it is not a readable folder. */
  static async open(dir: string, options: FolderSessionOptions = {}): Promise<Result<FolderSession>> {
    const fs = options.fs ?? nodeFs
    const root = await ContentRoot.open(dir, fs)
    return root.ok ? ok(new FolderSession(root.value, fs, options)) : root
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
    const files = await listArticleFiles(this.root.root, this.fs)
    if (!files.ok) return files
    const summaries: ArticleSummary[] = []
    for (const rel of files.value) {
      const read = await this.readArticle(rel)
      if (read.ok) summaries.push(summarizeArticle(rel, read.value.text))
      else summaries.push({ path: rel, title: null, date: null, isDraft: false, format: 'none', error: { message: read.error.message, line: 1, column: 1, isFileError: true } })
    }
    return ok(summaries)
  }

  /**
   * Reads an article as LF text plus its format and version. Over 10 MB: TOO_LARGE. Binary or invalid UTF-8: a
   * read-only document with lossy text (never saved).
   */
  async readArticle(relPath: unknown): Promise<Result<ArticleDocument>> {
    const abs = await resolveArticlePath(this.root, relPath)
    if (!abs.ok) return abs
    const rel = relPath as string
    const bytes = await this.readBytes(abs.value, rel)
    if (!bytes.ok) return bytes
    if (bytes.value === null) return fail('NOT_FOUND', `Could not open "${rel}": it does not exist.`, { path: rel })
    const { data, mtimeMs } = bytes.value
    const version = versionOf(data, mtimeMs)
    this.known.set(rel, version.hash)
    const decoded = decodeText(data)
    if (decoded.ok) return ok({ path: rel, ...decoded.value, version, isReadOnly: false })
    const hasBom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf
    const reason = `${decoded.error.message} It is shown read-only so that saving cannot damage it.`
    return ok({ path: rel, text: decodeLossy(data), format: { hasBom, eol: 'lf' }, version, isReadOnly: true, readOnlyReason: reason })
  }

  /**
   * Saves an article: re-reads the file and refuses with CONFLICT when it no longer matches `baseVersion.hash`
   * (unless `force`); writes nothing when the bytes are already equal. A file deleted outside is re-created: the
   * writer's text is the thing to keep. Writes to one path are serialised.
   */
  async writeArticle(request: WriteArticleRequest): Promise<Result<WriteArticleResult>> {
    const abs = await resolveArticlePath(this.root, request.path)
    if (!abs.ok) return abs
    const previous = this.queues.get(abs.value) ?? Promise.resolve()
    const next = previous.then(() => this.writeNow(abs.value, request))
    this.queues.set(abs.value, next)
    try {
      return await next
    } finally {
      if (this.queues.get(abs.value) === next) this.queues.delete(abs.value)
    }
  }

  /** Starts the watcher and, beside it, the folder index in the background so rows are ready early; resolves when the watcher is ready. */
  async start(): Promise<void> {
    // NOTE: the watcher's first crawl of a large folder takes a while; the index does not wait for it. Its full-text
    // pass does, and re-reads every file, so a change made before the watcher was ready still reaches the list.
    const watching = this.watcher.start()
    this.index.holdFullTextUntil(watching)
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

  private async writeNow(abs: string, request: WriteArticleRequest): Promise<Result<WriteArticleResult>> {
    const rel = request.path
    const current = await this.readBytes(abs, rel)
    if (!current.ok) return current
    const onDisk = current.value?.data
    if (onDisk !== undefined && hashBytes(onDisk) !== request.baseVersion.hash && request.force !== true) {
      return fail('CONFLICT', `"${rel}" changed on disk since it was opened; nothing was written.`, { path: rel })
    }
    if (onDisk !== undefined && !decodeText(onDisk).ok) {
      return fail('READ_ONLY', `"${rel}" is not valid UTF-8 text on disk; Folio does not overwrite it.`, { path: rel })
    }
    const bytes = encodeText(request.text, request.format, onDisk)
    if (onDisk !== undefined && current.value !== null && Buffer.from(onDisk).equals(Buffer.from(bytes))) {
      return ok({ version: versionOf(onDisk, current.value.mtimeMs), written: false })
    }
    if (onDisk === undefined) {
      try {
        await this.fs.mkdir(path.dirname(abs))
      } catch (error) {
        return errnoToResult(error, 'save', rel)
      }
    }
    const hash = hashBytes(bytes)
    // NOTE: recorded before the rename so the watcher's echo, which can arrive first, is recognised as ours.
    this.known.set(rel, hash)
    // NOTE: the version is checked again just before the rename, so a write by another program while the temp file
    // was being written and fsynced is a CONFLICT too, not silently overwritten.
    const expected = onDisk === undefined ? null : hashBytes(onDisk)
    const beforeRename = request.force === true ? undefined : () => this.checkUnchanged(abs, rel, expected)
    const written = await writeFileAtomic(abs, bytes, { fs: this.fs, displayPath: rel, retryDelayMs: this.options.retryDelayMs, beforeRename })
    if (!written.ok) {
      if (onDisk !== undefined) this.known.set(rel, hashBytes(onDisk))
      return written
    }
    if (this.hasStartedIndex) void this.index.update(rel)
    try {
      return ok({ version: { hash, size: bytes.byteLength, mtimeMs: (await this.fs.stat(abs)).mtimeMs }, written: true })
    } catch (error) {
      return errnoToResult(error, 'check the saved file', rel)
    }
  }

  /** OK when the file still has hash `expected` (null: still absent); CONFLICT when another program wrote it. */
  private async checkUnchanged(abs: string, rel: string, expected: string | null): Promise<Result<void>> {
    const current = await this.readBytes(abs, rel)
    if (!current.ok) return current
    const hash = current.value === null ? null : hashBytes(current.value.data)
    if (hash === expected) return ok(undefined)
    return fail('CONFLICT', `"${rel}" changed on disk while it was being saved; nothing was written.`, { path: rel })
  }

  /** The file's bytes and mtime, null when it does not exist; TOO_LARGE past maxArticleBytes. */
  private async readBytes(abs: string, rel: string): Promise<Result<{ data: Uint8Array; mtimeMs: number } | null>> {
    try {
      const stats = await this.fs.stat(abs)
      if (!stats.isFile()) return fail('INVALID_PATH', `"${rel}" is not a file.`, { path: rel })
      if (stats.size > maxArticleBytes) return fail('TOO_LARGE', `"${rel}" is larger than 10 MB; Folio does not open it.`, { path: rel })
      const data = await this.fs.readFile(abs)
      if (data.byteLength > maxArticleBytes) return fail('TOO_LARGE', `"${rel}" is larger than 10 MB; Folio does not open it.`, { path: rel })
      return ok({ data, mtimeMs: stats.mtimeMs })
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return ok(null)
      return errnoToResult(error, 'read', rel)
    }
  }
}
