import type { FolderEvent, FolderInfo } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { FolderSession } from '../core/folder-session'
import type { HandlerHost } from '../core/request-handlers'

/**
 * Holds the desktop app's open folder: opening another one disposes the previous session first. Events of the
 * current session go to `emit`; construct, open(), dispose().
 */
export class FolderHost implements HandlerHost {
  private current: FolderSession | null = null
  private unsubscribe: (() => void) | null = null

  constructor(
    private readonly emit: (event: FolderEvent) => void,
    private readonly askForFolder: () => Promise<string | null>,
    /** Where the folder index caches summaries between runs (e.g. under the app's userData); null: none. */
    private readonly cacheDir: string | null = null,
  ) {}

  session(): FolderSession | null {
    return this.current
  }

  /** Opens `dir` as the content folder, watching it; on failure the previous folder stays open. */
  async open(dir: string): Promise<Result<FolderInfo>> {
    const opened = await FolderSession.open(dir, { index: { cacheDir: this.cacheDir } })
    if (!opened.ok) return opened
    await this.dispose()
    this.current = opened.value
    this.unsubscribe = opened.value.onEvent(this.emit)
    // NOTE: the window shows the folder without waiting for the watcher's first crawl (about half a second on
    // 50,000 articles): the index has begun, and its full-text pass re-reads every file once the watcher is ready.
    const watching = opened.value.start()
    const info = opened.value.info()
    this.emit({ kind: 'folder-opened', folder: info })
    await watching
    return ok(info)
  }

  /** Shows the folder picker and opens the choice; null when the user cancels. */
  async pickFolder(): Promise<Result<FolderInfo | null>> {
    const dir = await this.askForFolder()
    return dir === null ? ok(null) : this.open(dir)
  }

  /** Stops watching and closes the current folder. */
  async dispose(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    await this.current?.dispose()
    this.current = null
  }
}
