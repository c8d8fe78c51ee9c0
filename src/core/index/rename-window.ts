import type { FolderEvent } from '@shared/api'
import type { FileStamp } from './shard-core'

interface Held {
  stamp: FileStamp
  timer: NodeJS.Timeout
}

const isSame = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs

/**
 * Turns a delete and an add of the same file within `windowMs` (in either order: watchers report both) into one
 * `article-renamed` event. "Same file" means equal size and mtime, which a move keeps. Removals and adds are held
 * for the window and emitted as they are when nothing matches.
 */
export class RenameWindow {
  private readonly removals = new Map<string, Held>()
  private readonly adds = new Map<string, Held>()

  constructor(
    private readonly emit: (event: FolderEvent) => void,
    private readonly windowMs = 150,
  ) {}

  /** A file went away; `stamp` is what the index recorded for it (null if it was not indexed: emitted at once). */
  removed(path: string, stamp: FileStamp | null): void {
    if (this.cancel(this.adds, path)) return this.emit({ kind: 'article-removed', path })
    if (stamp === null) return this.emit({ kind: 'article-removed', path })
    const to = this.take(this.adds, stamp, path)
    if (to !== null) return this.emit({ kind: 'article-renamed', from: path, to })
    this.hold(this.removals, path, stamp, { kind: 'article-removed', path })
  }

  /** A file appeared with `stamp` (null when it could not be read: emitted at once). */
  added(path: string, stamp: FileStamp | null): void {
    // NOTE: deleted and re-created under the same name (an editor's save-by-rename) is a change, not a removal.
    if (this.cancel(this.removals, path) || stamp === null) return this.emit({ kind: 'article-added', path })
    const from = this.take(this.removals, stamp, path)
    if (from !== null) return this.emit({ kind: 'article-renamed', from, to: path })
    this.hold(this.adds, path, stamp, { kind: 'article-added', path })
  }

  /** Emits nothing more; held events are dropped. */
  dispose(): void {
    for (const held of [...this.removals.values(), ...this.adds.values()]) clearTimeout(held.timer)
    this.removals.clear()
    this.adds.clear()
  }

  private hold(map: Map<string, Held>, path: string, stamp: FileStamp, event: FolderEvent): void {
    this.cancel(map, path)
    const timer = setTimeout(() => {
      map.delete(path)
      this.emit(event)
    }, this.windowMs)
    map.set(path, { stamp, timer })
  }

  private cancel(map: Map<string, Held>, path: string): boolean {
    const held = map.get(path)
    if (held === undefined) return false
    clearTimeout(held.timer)
    map.delete(path)
    return true
  }

  private take(map: Map<string, Held>, stamp: FileStamp, except: string): string | null {
    for (const [path, held] of map) {
      if (path === except || !isSame(held.stamp, stamp)) continue
      this.cancel(map, path)
      return path
    }
    return null
  }
}
