import type { FolderEvent, FolderInfo, RequestHandlers, Unsubscribe } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { ExportJobs, ExportStateStore, type ExportHost, type PdfRenderer } from '../export/index'
import { FolderSession } from '../folder-session'
import type { ArticleIndexOptions } from '../index/article-index'
import { shardCountOf } from '../index/shard-files'
import { JournalStore } from '../journal/index'
import { createRequestHandlers, type HandlerHost } from '../request-handlers'
import { RecentFolders } from './recent-folders'
import type { Trasher } from '../store'

/** What a face (the Electron main process or `folio serve`) gives the host; everything else is shared. */
export interface FolioHostOptions {
  /** Desktop: asks the user for a folder (null when cancelled). Absent in browser mode, where openFolder fails UNSUPPORTED. */
  pickFolder?: () => Promise<string | null>
  /** Desktop: asks where to save an export (null when cancelled). Absent in browser mode: exports are downloaded. */
  chooseDestination?: (suggestedName: string) => Promise<string | null>
  /** Makes the PDF engine for one export (Electron's printToPDF, or headless Chromium). */
  renderPdf: () => PdfRenderer
  /** Where the journal of unsaved edits and "since the last export" live (the app's userData, or the state folder). */
  stateDir: string
  /** Where the folder index caches summaries between runs; null: no cache. */
  cacheDir: string | null
  /** Where the folder index runs (worker threads or this thread, how many shards); default: ArticleIndex's. */
  index?: IndexPlacement
  /** Desktop: opens a checked http(s) URL in the system browser. */
  openExternal?: (url: string) => Promise<Result<null>>
  /** Desktop: closes the window after the renderer agreed (see `close-requested`). */
  closeWindow?: () => void
  /** Desktop: Electron's shell.trashItem for deleted articles; the `trash` package serves when absent. */
  trasher?: Trasher
  /** Told when watching a folder fails (e.g. the inotify limit); outside changes may then go unnoticed. */
  onWatchError?: (message: string) => void
  /** Browser mode: the page may open and complete any folder path the server's user may read (desktop: recent ones only). */
  mayOpenAnyFolder?: boolean
  /** Told after a folder opened (desktop: the OS recent-documents list, the menu's Open Recent). */
  onFolderOpened?: (folder: FolderInfo) => void
  /** Desktop: shows a confined absolute path in Finder/Explorer (Electron's shell.showItemInFolder). */
  revealItem?: (absPath: string) => void
}

/**
 * Where a host's folder index runs: `mode` (worker threads, so indexing never holds the host's event loop), shard
 * count, a file's time budget, and the worker entry. See ArticleIndexOptions.
 */
export type IndexPlacement = Pick<ArticleIndexOptions, 'mode' | 'shards' | 'fileTimeMs' | 'workerScript' | 'scanBudgetMs'>

/** One host for both faces: the request handlers, the event stream they feed, and the open folder. */
export interface FolioHost {
  /** The one request-handler table, for IPC or HTTP. */
  readonly handlers: RequestHandlers
  /** Subscribes to every event the host pushes (folder changes, index progress, export progress, folder-opened). */
  onEvent(listener: (event: FolderEvent) => void): Unsubscribe
  /**
   * Opens `dir` as the content folder and starts watching it; on failure the previous folder stays open. With
   * `holdIndexUntil`, the index reads its first rows at once and the rest waits for it (see FolderSession.start).
   */
  open(dir: string, options?: { holdIndexUntil?: Promise<unknown> }): Promise<Result<FolderInfo>>
  /** The open folder, or null. */
  session(): FolderSession | null
  /** Resolves once the open folder is watched, or its watcher failed (told to onWatchError). */
  watching(): Promise<void>
  /** The user's recent folders (in the state folder). */
  readonly recent: RecentFolders
  /** Closes the open folder and stops its watcher. */
  dispose(): Promise<void>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Builds the host that the desktop app and `folio serve` share: folder switching (the previous folder is closed
 * once the next one opened), the journal, export and the handler table. Faces differ only in transport and in the
 * few desktop-only powers passed in.
 */
export function createFolioHost(options: FolioHostOptions): FolioHost {
  const listeners = new Set<(event: FolderEvent) => void>()
  const emit = (event: FolderEvent): void => listeners.forEach((listener) => listener(event))
  let current: FolderSession | null = null
  let unsubscribe: Unsubscribe | null = null
  let watching: Promise<void> = Promise.resolve()
  const recent = new RecentFolders(options.stateDir)

  const close = async (): Promise<void> => {
    unsubscribe?.()
    unsubscribe = null
    const closing = current
    current = null
    await watching
    await closing?.dispose()
  }

  const open = async (dir: string, openOptions: { holdIndexUntil?: Promise<unknown> } = {}): Promise<Result<FolderInfo>> => {
    const onWatchError = options.onWatchError
    const opened = await FolderSession.open(dir, {
      // NOTE: a small folder gets one shard (see shardCountFor), as `folio index` and `folio check` give it, so they
      // share its cache files.
      index: { ...options.index, shards: options.index?.shards ?? shardCountOf(dir), cacheDir: options.cacheDir },
      onWatchError: onWatchError && ((error) => onWatchError(messageOf(error))),
    })
    if (!opened.ok) return opened
    await close()
    current = opened.value
    unsubscribe = opened.value.onEvent(emit)
    // NOTE: the folder shows without waiting for the watcher's first crawl (seconds on 50,000 articles): the index
    // has begun, and its full-text pass re-reads every file once the watcher is ready. A watcher that cannot start
    // is told to onWatchError; the folder still opens (saves keep their checks).
    watching = opened.value.start(openOptions.holdIndexUntil).catch((error: unknown) => {
      onWatchError?.(`Outside changes will not be noticed: ${messageOf(error)}`)
    })
    const info = opened.value.info()
    const remembered = await recent.add(info.root)
    if (!remembered.ok) console.warn(`Folio could not update the recent folders: ${remembered.error.message}`)
    emit({ kind: 'folder-opened', folder: info })
    options.onFolderOpened?.(info)
    return ok(info)
  }

  const exportHost: ExportHost = {
    createPdfRenderer: options.renderPdf,
    state: new ExportStateStore(options.stateDir),
    jobs: new ExportJobs(),
    ...(options.chooseDestination ? { chooseDestination: options.chooseDestination } : {}),
    emit,
  }
  const pickFolder = options.pickFolder
  const handlerHost: HandlerHost = {
    session: () => current,
    async pickFolder() {
      if (!pickFolder) return fail('UNSUPPORTED', 'This host has no folder picker.')
      const dir = await pickFolder()
      if (dir === null) return ok(null)
      const opened = await open(dir)
      // NOTE: the desktop window waits for the watcher, so a change made right after opening is not missed.
      await watching
      return opened
    },
    exportHost,
    journal: new JournalStore(options.stateDir),
    stateDir: options.stateDir,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.closeWindow ? { closeWindow: options.closeWindow } : {}),
    recent,
    async openFolderAt(dir) {
      const opened = await open(dir)
      await watching
      return opened
    },
    mayOpenAnyFolder: options.mayOpenAnyFolder === true,
    ...(options.trasher ? { trasher: options.trasher } : {}),
    ...(options.revealItem ? { revealItem: options.revealItem } : {}),
  }
  return {
    handlers: createRequestHandlers(handlerHost),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    open,
    session: () => current,
    watching: () => watching,
    recent,
    dispose: close,
  }
}
