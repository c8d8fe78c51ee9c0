import type { FolioApi } from '@shared/api'
import type { EditorController } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import { AutosaveTimers } from './autosave'
import { JournalWriter, type JournalEntry } from './journal-writer'
import { openDocumentFrom, textOf, type OpenDocument } from './open-document'
import { RecoveryStore } from './recovery-store'
import { renamedFields } from './rename'
import { withPath } from './session-errors'
import { emptySnapshot, type SessionSnapshot } from './session-snapshot'
import { SnapshotStore } from './snapshot-store'
import { withItem, withoutItem } from './sets'

/** The base version of a file that does not exist (core only checks the version of a file that does). */
const absentVersion = { hash: '0'.repeat(64), size: 0, mtimeMs: 0 }

/**
 * The articles open in tabs: reads them, shows one in the editor, closes, reloads and follows renames, and keeps
 * the snapshot's per-document state (dirty, missing, the conflict's path) and the journal of unsaved edits. The
 * editing session (saving, conflicts, form edits, autosave modes, closing the window) builds on it.
 */
export abstract class DocumentTabs extends SnapshotStore<SessionSnapshot> {
  /** Journals unsaved edits a moment after typing. */
  readonly journal: JournalWriter
  /** Offers journaled edits left by a crash when a folder is opened. */
  readonly recovery: RecoveryStore
  protected readonly docs = new Map<string, OpenDocument>()
  protected readonly autosaveTimers = new AutosaveTimers((path) => {
    if (this.mayAutosave(path)) this.autosave(path)
  })
  private openRequest = 0

  constructor(
    protected readonly api: FolioApi,
    protected readonly editor: EditorController,
  ) {
    super(emptySnapshot)
    this.journal = new JournalWriter(api, (path) => this.journalEntryOf(path))
    this.recovery = new RecoveryStore(
      api,
      (path, text, isMissing) => this.restoreText(path, text, isMissing),
      // NOTE: only a document with unsaved edits in this window owns the live journal entry. One open and clean (a
      // restored tab whose read answered before the journal was listed) has a leftover, which must still be offered.
      (path) => this.getSnapshot().dirtyPaths.has(path),
    )
  }

  /** Saves `path` because its autosave timer ran out (and autosave may save it). */
  protected abstract autosave(path: string): void

  /** Shows `path` in the editor (as a tab), reading it from disk the first time; a failure becomes `snapshot.error`. */
  async open(path: string): Promise<void> {
    const request = ++this.openRequest
    const known = this.docs.get(path)
    if (known && this.editor.has(path)) return this.show(known)
    this.update({ status: 'opening' })
    const result = await this.api.readArticle(path)
    if (request !== this.openRequest) return
    if (!result.ok) return this.update({ status: 'idle', error: withPath(result.error, path, 'open') })
    const doc = openDocumentFrom(result.value)
    this.docs.set(path, doc)
    this.editor.open(path, result.value.text, { isReadOnly: doc.isReadOnly })
    this.show(doc)
  }

  /** Closes the tab of `path` without saving (the UI asks first when it is dirty); shows a neighbouring tab. */
  close(path: string): void {
    const { openPaths, activePath } = this.getSnapshot()
    const index = openPaths.indexOf(path)
    if (index < 0) return
    this.docs.delete(path)
    this.journal.clear(path)
    this.autosaveTimers.cancel(path)
    this.editor.close(path)
    const rest = openPaths.filter((p) => p !== path)
    const { dirtyPaths, missingPaths } = this.getSnapshot()
    this.update({ openPaths: rest, dirtyPaths: withoutItem(dirtyPaths, path), missingPaths: withoutItem(missingPaths, path), conflictPath: this.conflictWithout(path) })
    if (activePath !== path) return
    const next = rest[Math.min(index, rest.length - 1)]
    if (next !== undefined) void this.open(next)
    else this.update({ activePath: null, isDirty: false, readOnlyReason: null, canMakeWritable: false, frontMatter: null })
  }

  /** Drops the unsaved edits of `path` (default: active) and shows the file as on disk; undo can bring them back. */
  async revert(path: string | null = this.editor.activePath): Promise<void> {
    if (path !== null && this.docs.has(path)) await this.reload(path)
  }

  /** Forgets every document (another folder was opened). */
  reset(): void {
    this.docs.clear()
    this.journal.dispose()
    this.autosaveTimers.cancelAll()
    this.openRequest++
    this.editor.reset()
    this.replace(emptySnapshot)
  }

  protected async reload(path: string): Promise<void> {
    const result = await this.api.readArticle(path)
    if (!result.ok) return this.update({ error: withPath(result.error, path, 'reload') })
    const fresh = openDocumentFrom(result.value)
    this.docs.set(path, fresh)
    this.editor.replaceText(path, result.value.text)
    if (this.editor.activePath === path) this.editor.setReadOnly(fresh.isReadOnly)
    this.refreshDirty(path)
    this.setMissing(path, false)
    this.journal.clear(path)
    this.update({ conflictPath: this.conflictWithout(path), ...(this.editor.activePath === path ? this.activeFields(fresh) : {}) })
  }

  /** Moves an open document to the name it was renamed to outside Folio; false when it cannot follow. */
  protected follow(from: string, to: string): boolean {
    const doc = this.docs.get(from)
    if (!doc || this.docs.has(to) || !this.editor.rename(from, to)) return false
    this.docs.delete(from)
    this.docs.set(to, { ...doc, path: to })
    this.update(renamedFields(this.getSnapshot(), from, to))
    this.journal.clear(from)
    this.journal.schedule(to)
    return true
  }

  /** Puts journaled text back as an unsaved edit; a file gone from disk is restored as missing (Save writes it back). */
  protected async restoreText(path: string, text: string, isMissing: boolean): Promise<boolean> {
    if (isMissing && !this.docs.has(path)) {
      const doc: OpenDocument = { path, version: absentVersion, format: { hasBom: false, eol: 'lf' }, savedDoc: textOf(''), isReadOnly: false, readOnlyReason: null, canMakeWritable: false }
      this.docs.set(path, doc)
      this.editor.open(path, text)
      this.show(doc)
      this.setMissing(path, true)
      this.refreshDirty(path)
      this.journal.schedule(path)
      return true
    }
    await this.open(path)
    if (this.editor.activePath !== path || this.docs.get(path)?.isReadOnly !== false) return false
    this.editor.replaceText(path, text)
    this.refreshDirty(path)
    this.journal.schedule(path)
    return true
  }

  private journalEntryOf(path: string): JournalEntry | null {
    const doc = this.docs.get(path)
    const text = this.editor.stateOf(path)?.doc
    if (!doc || text === undefined || !this.isDirty(path)) return null
    // NOTE: the document is immutable, so slices read over several tasks are all of the text at this pause.
    return { path, text, baseVersion: doc.version }
  }

  protected show(doc: OpenDocument): void {
    this.editor.open(doc.path, '', { isReadOnly: doc.isReadOnly })
    const { openPaths } = this.getSnapshot()
    this.update({ status: 'idle', error: null, openPaths: openPaths.includes(doc.path) ? openPaths : [...openPaths, doc.path], ...this.activeFields(doc) })
  }

  protected activeFields(doc: OpenDocument): Partial<SessionSnapshot> {
    const state = this.editor.stateOf(doc.path)
    return {
      activePath: doc.path,
      isDirty: this.isDirty(doc.path),
      readOnlyReason: doc.readOnlyReason,
      canMakeWritable: doc.canMakeWritable,
      frontMatter: state ? frontMatterOf(state) : null,
    }
  }

  /** Autosave never resolves a conflict, writes back a deleted file or touches a read-only one; the writer decides. */
  protected mayAutosave(path: string): boolean {
    const snap = this.getSnapshot()
    const doc = this.docs.get(path)
    return !!doc && !doc.isReadOnly && this.isDirty(path) && snap.conflictPath !== path && !snap.missingPaths.has(path)
  }

  /** Recomputes whether `path` is dirty, updating `dirtyPaths` in place of a new set; returns the new value. */
  protected refreshDirty(path: string): boolean {
    const isDirty = this.isDirty(path)
    if (isDirty !== this.getSnapshot().dirtyPaths.has(path)) {
      const dirtyPaths = isDirty ? withItem(this.getSnapshot().dirtyPaths, path) : withoutItem(this.getSnapshot().dirtyPaths, path)
      this.update({ dirtyPaths, isDirty: path === this.getSnapshot().activePath ? isDirty : this.getSnapshot().isDirty })
    }
    return isDirty
  }

  protected isDirty(path: string): boolean {
    const doc = this.docs.get(path)
    const state = this.editor.stateOf(path)
    return !!doc && !!state && !state.doc.eq(doc.savedDoc)
  }

  /** Records whether an open file is gone from disk (deleted or moved outside Folio); saving writes it back. */
  protected setMissing(path: string, isMissing: boolean): void {
    const { missingPaths } = this.getSnapshot()
    if (missingPaths.has(path) === isMissing) return
    this.update({ missingPaths: isMissing ? withItem(missingPaths, path) : withoutItem(missingPaths, path) })
  }

  /** The conflict path after `path` was resolved (saved or reloaded). */
  protected conflictWithout(path: string): string | null {
    const { conflictPath } = this.getSnapshot()
    return conflictPath === path ? null : conflictPath
  }
}
