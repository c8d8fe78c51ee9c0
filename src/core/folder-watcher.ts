import path from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import type { FolderEvent, Unsubscribe } from '@shared/api'
import { errnoCode } from './errno'
import { isArticleName, isSkippedFolder } from './article-files'
import type { ContentRoot } from './content-root'
import { versionOf, type KnownHashes } from './file-version'
import type { FsPort } from './fs-port'

/** What the watcher needs from its folder session. */
export interface FolderWatcherDeps {
  root: ContentRoot
  fs: FsPort
  known: KnownHashes
  /** Told when watching fails (e.g. ENOSPC: the inotify watch limit); events may then be missed. */
  onError?: (error: unknown) => void
}

const recheckDelayMs = 300

/**
 * Watches the folder's articles and emits FolderEvents. Events are hints: each one is re-read and hashed, and a
 * change to content Folio already knows (its own write, or an unchanged touch) is dropped.
 */
export class FolderWatcher {
  private watcher: FSWatcher | null = null
  private readonly listeners = new Set<(event: FolderEvent) => void>()
  private readonly rechecks = new Map<string, NodeJS.Timeout>()

  constructor(private readonly deps: FolderWatcherDeps) {}

  /** Starts watching; resolves once the initial scan is done. Calling it twice is a no-op. */
  async start(): Promise<void> {
    if (this.watcher !== null) return
    const root = this.deps.root.root
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (p, stats) => this.isIgnored(p, stats?.isFile() ?? false),
    })
    this.watcher = watcher
    watcher.on('add', (p) => this.onHint(p, true))
    watcher.on('change', (p) => this.onHint(p, false))
    watcher.on('unlink', (p) => this.onUnlink(p))
    watcher.on('error', (error) => this.deps.onError?.(error))
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  /** Stops watching and drops every listener. */
  async dispose(): Promise<void> {
    const watcher = this.watcher
    this.watcher = null
    this.listeners.clear()
    for (const timer of this.rechecks.values()) clearTimeout(timer)
    this.rechecks.clear()
    await watcher?.close()
  }

  /** Subscribes to folder events; returns the unsubscribe function. */
  onEvent(listener: (event: FolderEvent) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private isIgnored(absPath: string, isFile: boolean): boolean {
    const rel = path.relative(this.deps.root.root, absPath)
    if (rel === '') return false
    const segments = rel.split(path.sep)
    const folders = isFile ? segments.slice(0, -1) : segments
    for (let i = 0; i < folders.length; i += 1) if (isSkippedFolder(folders.slice(0, i + 1).join('/'))) return true
    return isFile && !isArticleName(segments[segments.length - 1])
  }

  private emit(event: FolderEvent): void {
    for (const listener of [...this.listeners]) listener(event)
  }

  private onHint(absPath: string, isAdd: boolean): void {
    if (!isArticleName(absPath)) return
    void this.onFile(absPath, isAdd)
    // NOTE: chokidar throttles change events, so a write right after another (e.g. after our own save) can go
    // unreported; one follow-up check per burst catches the final content.
    if (this.rechecks.has(absPath)) return
    this.rechecks.set(absPath, setTimeout(() => {
      this.rechecks.delete(absPath)
      if (this.watcher !== null) void this.onFile(absPath, false)
    }, recheckDelayMs))
  }

  private async onFile(absPath: string, isAdd: boolean): Promise<void> {
    const rel = this.deps.root.relative(absPath)
    let bytes: Uint8Array
    let mtimeMs: number
    try {
      bytes = await this.deps.fs.readFile(absPath)
      mtimeMs = (await this.deps.fs.stat(absPath)).mtimeMs
    } catch (error) {
      // NOTE: the file vanished or is unreadable between the event and the read; the next event tells the rest.
      if (errnoCode(error) !== undefined) return
      throw error
    }
    const version = versionOf(bytes, mtimeMs)
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
