import type { FolioApi } from '@shared/api'
import { SnapshotStore } from './snapshot-store'

/** Journaled edits found on opening a folder, with the text now on disk to compare against (null: file gone). */
export interface RecoveryItem {
  path: string
  journaled: string
  disk: string | null
  updatedAt: string
}

/** What the recovery dialog renders. */
export interface RecoverySnapshot {
  items: readonly RecoveryItem[]
  /** The last failure to list or restore, shown in the dialog. */
  error: string | null
}

/**
 * Offers unsaved edits left in the journal by a crash or kill: `load` lists them (dropping entries whose text is
 * already on disk), `restore` puts one back into its editor as unsaved text, `discard` forgets it.
 */
export class RecoveryStore extends SnapshotStore<RecoverySnapshot> {
  constructor(
    private readonly api: Pick<FolioApi, 'listJournal' | 'clearJournal' | 'readArticle'>,
    /** Opens `path` (or recreates it as missing) with `text` as an unsaved edit; resolves false when it could not. */
    private readonly restoreInto: (path: string, text: string, isMissing: boolean) => Promise<boolean>,
    /** True for a document open in this window with unsaved edits (its journal entry is the live one, not a leftover). */
    private readonly isOpen: (path: string) => boolean = () => false,
  ) {
    super({ items: [], error: null })
  }

  /** Reads the journal of the open folder; call once after a folder is opened. */
  async load(): Promise<void> {
    const listed = await this.api.listJournal()
    if (!listed.ok) return this.update({ items: [], error: listed.error.message })
    const items: RecoveryItem[] = []
    for (const entry of listed.value) {
      if (this.isOpen(entry.path)) continue
      const read = await this.api.readArticle(entry.path)
      const disk = read.ok ? read.value.text : null
      if (disk === entry.text) void this.api.clearJournal(entry.path)
      else items.push({ path: entry.path, journaled: entry.text, disk, updatedAt: entry.updatedAt })
    }
    this.update({ items, error: null })
  }

  /** Restores the journaled text of `path` into the editor (unsaved until the writer saves). */
  async restore(path: string): Promise<void> {
    const item = this.getSnapshot().items.find((i) => i.path === path)
    if (!item) return
    if (!(await this.restoreInto(path, item.journaled, item.disk === null))) return this.update({ error: `Could not open ${path} to restore it.` })
    this.remove(path)
  }

  /** Forgets the journaled text of `path`. */
  async discard(path: string): Promise<void> {
    const cleared = await this.api.clearJournal(path)
    if (!cleared.ok) return this.update({ error: cleared.error.message })
    this.remove(path)
  }

  private remove(path: string): void {
    this.update({ items: this.getSnapshot().items.filter((i) => i.path !== path), error: null })
  }
}
