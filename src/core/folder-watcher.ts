import path from 'node:path'
import type { FolderEvent, Unsubscribe } from '@shared/api'
import { errnoCode } from './errno'
import { isArticleName } from '@shared/article-names'
import type { ContentRoot } from './content-root'
import type { KnownHashes } from './file-version'
import type { FsPort } from './fs-port'
import type { ArticleStore } from './store/article-store'
import { siteRulesForFolderSync } from './hugo-site'
import { entryKind, isInScope, isInSkippedFolder, type ArticleScope } from './store/entry-rules'
import { watchTree, type RawChange, type WatchHandle } from './watch-backend'

/** What the watcher needs from its folder session. */
export interface FolderWatcherDeps {
  root: ContentRoot
  /** Reads each changed file, as the index does: links and non-regular files are not articles. */
  store: ArticleStore
  fs: FsPort
  known: KnownHashes
  /** Told when watching fails (e.g. ENOSPC: the inotify watch limit); events may then be missed. */
  onError?: (error: unknown) => void
  /** The articles known under a folder (relative, `/` separators), to report when the folder is removed or moved away. */
  articlesUnder?: (relFolder: string) => string[]
}

const recheckDelayMs = 300

const noop = (): void => undefined

/**
 * Watches the folder's articles and emits FolderEvents. Events are hints: each one is re-read and hashed, and a
 * change to content Folio already knows (its own write, or an unchanged touch) is dropped.
 */
export class FolderWatcher {
  private watcher: Promise<WatchHandle> | null = null
  private readonly listeners = new Set<(event: FolderEvent) => void>()
  private readonly rechecks = new Map<string, NodeJS.Timeout>()
  /** The check of each file in progress (see onFile). */
  private readonly checking = new Map<string, Promise<void>>()
  // NOTE: read once at start, as the listing reads it; a contentDir changed while the folder is open applies on reopening.
  private scope: ArticleScope = null

  constructor(private readonly deps: FolderWatcherDeps) {}

  /** Starts watching; resolves once the watch is in place. Calling it twice is a no-op. */
  async start(): Promise<void> {
    if (this.watcher !== null) return
    this.scope = siteRulesForFolderSync(this.deps.root.root).articleScope
    this.watcher = watchTree(this.deps.root.root, {
      onChanges: (changes) => {
        for (const change of changes) this.onChange(change)
      },
      onError: (error) => this.deps.onError?.(error),
    })
    await this.watcher
  }

  /** Stops watching and drops every listener. */
  async dispose(): Promise<void> {
    const watcher = this.watcher
    this.watcher = null
    this.listeners.clear()
    for (const timer of this.rechecks.values()) clearTimeout(timer)
    this.rechecks.clear()
    await (await watcher)?.close()
  }

  /** Subscribes to folder events; returns the unsubscribe function. */
  onEvent(listener: (event: FolderEvent) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: FolderEvent): void {
    for (const listener of [...this.listeners]) listener(event)
  }

  // NOTE: the platform reports a folder created or moved in as one change (its files may predate the watch on it),
  // and a folder removed or moved away as one change too; both are expanded to their articles here.
  private onChange({ type, path: absPath }: RawChange): void {
    const rel = this.deps.root.relative(absPath)
    if (rel === '' || rel.startsWith('../') || isInSkippedFolder(rel, !isArticleName(rel)) || !isInScope(rel, this.scope, !isArticleName(rel))) return
    if (type === 'update') return this.onHint(absPath, false)
    if (type === 'delete') {
      if (isArticleName(absPath)) this.onUnlink(absPath)
      for (const inner of this.deps.articlesUnder?.(rel) ?? []) this.onUnlink(path.join(this.deps.root.root, ...inner.split('/')))
      return
    }
    if (isArticleName(absPath)) return this.onHint(absPath, true)
    void this.addFolder(absPath)
  }

  private async addFolder(absPath: string): Promise<void> {
    let entries
    try {
      // NOTE: a link planted as a folder is not walked (as at start-up): readdir would follow it anywhere.
      if (!(await this.deps.fs.lstat(absPath)).isDirectory()) return
      entries = await this.deps.fs.readdir(absPath)
    } catch (error) {
      // NOTE: not a folder (a new image, say), or gone again: nothing to add.
      if (errnoCode(error) !== undefined) return
      throw error
    }
    for (const entry of entries) {
      const child = path.join(absPath, entry.name)
      const kind = entryKind(entry, this.deps.root.relative(child), this.scope)
      if (kind === 'folder') await this.addFolder(child)
      else if (kind === 'article') this.onHint(child, true)
    }
  }

  private onHint(absPath: string, isAdd: boolean): void {
    if (!isArticleName(absPath)) return
    void this.onFile(absPath, isAdd)
    // NOTE: platform watchers coalesce change events, so a write right after another (e.g. after our own save) can
    // go unreported; one follow-up check per burst catches the final content.
    if (this.rechecks.has(absPath)) return
    this.rechecks.set(absPath, setTimeout(() => {
      this.rechecks.delete(absPath)
      if (this.watcher !== null) void this.onFile(absPath, false)
    }, recheckDelayMs))
  }

  // NOTE: one file's checks run one after another. Two at once (an event and its recheck, or the two events of one
  // rewrite) could end out of order: the older read, finishing last, marked the older text as known and reported it
  // as the article's version after the newer one.
  private onFile(absPath: string, isAdd: boolean): Promise<void> {
    const run = (this.checking.get(absPath) ?? Promise.resolve()).then(() => this.checkFile(absPath, isAdd))
    // NOTE: the chain goes on after a failed check (its caller reports the failure, as before).
    const settled: Promise<void> = run.then(noop, noop).then(() => {
      if (this.checking.get(absPath) === settled) this.checking.delete(absPath)
    })
    this.checking.set(absPath, settled)
    return run
  }

  private async checkFile(absPath: string, isAdd: boolean): Promise<void> {
    const rel = this.deps.root.relative(absPath)
    // NOTE: judged exactly as at start-up: a link (even planted now) or a FIFO is not an article, and never opened.
    const read = await this.deps.store.read(rel, { followLinks: false })
    if (!read.ok) {
      // NOTE: an article replaced by a link or a FIFO is gone as an article; other failures wait for the next event.
      if (read.error.code === 'INVALID_PATH' && this.deps.known.get(rel) !== undefined) this.onUnlink(absPath)
      return
    }
    const { version } = read.value
    const previous = this.deps.known.get(rel)
    if (previous === version.hash) return
    this.deps.known.set(rel, version.hash)
    if (isAdd && previous === undefined) this.emit({ kind: 'article-added', path: rel })
    else this.emit({ kind: 'article-changed', path: rel, version })
  }

  private onUnlink(absPath: string): void {
    if (!isArticleName(absPath)) return
    const rel = this.deps.root.relative(absPath)
    this.deps.known.delete(rel)
    this.emit({ kind: 'article-removed', path: rel })
  }
}
