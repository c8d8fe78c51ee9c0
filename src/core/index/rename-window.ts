import type { FolderEvent } from '@shared/api'
import type { FileStamp } from './shard-core'

interface HeldRemoval {
  stamp: FileStamp | null
  timer: NodeJS.Timeout
}

/**
 * Turns a delete followed shortly by an add of the same file into one `article-renamed` event. A removal is held
 * for `windowMs`; an add whose size and mtime equal a held removal's (a move keeps both) is a rename.
 * Unmatched removals are emitted when their window ends.
 */
export class RenameWindow {
  private readonly held = new Map<string, HeldRemoval>()

  constructor(
    private readonly emit: (event: FolderEvent) => void,
    private readonly windowMs = 150,
  ) {}

  /** A file went away; `stamp` is what the index recorded for it (null if it was not indexed). */
  removed(path: string, stamp: FileStamp | null): void {
    if (stamp === null) return this.emit({ kind: 'article-removed', path })
    const previous = this.held.get(path)
    if (previous !== undefined) clearTimeout(previous.timer)
    const timer = setTimeout(() => {
      this.held.delete(path)
      this.emit({ kind: 'article-removed', path })
    }, this.windowMs)
    this.held.set(path, { stamp, timer })
  }

  /** A file appeared with `stamp`; emits `article-renamed` when it matches a held removal, else `article-added`. */
  added(path: string, stamp: FileStamp | null): void {
    const same = (held: HeldRemoval): boolean => stamp !== null && held.stamp !== null && held.stamp.size === stamp.size && held.stamp.mtimeMs === stamp.mtimeMs
    for (const [from, held] of this.held) {
      if (from === path || !same(held)) continue
      clearTimeout(held.timer)
      this.held.delete(from)
      this.emit({ kind: 'article-renamed', from, to: path })
      return
    }
    const again = this.held.get(path)
    if (again !== undefined) {
      // NOTE: deleted and re-created under the same name (an editor's save-by-rename): a change, not a removal.
      clearTimeout(again.timer)
      this.held.delete(path)
    }
    this.emit({ kind: 'article-added', path })
  }

  /** Emits nothing more; held removals are dropped. */
  dispose(): void {
    for (const held of this.held.values()) clearTimeout(held.timer)
    this.held.clear()
  }
}
