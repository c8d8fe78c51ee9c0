import type { FolderEvent, FolioApi, JournalWriteRequest } from '@shared/api'
import type { FolioError } from '@shared/result'
import type { FrontMatterValue } from '@shared/front-matter/types'
import { mergeThreeWay } from '@shared/merge'
import type { EditorController, EditorEvent } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import { AutosaveTimers, type AutosaveMode } from './autosave'
import { loadConflictDetail } from './conflict-detail'
import { FormEditRuns } from './form-edit'
import { JournalWriter } from './journal-writer'
import { openDocumentFrom, textOf, type OpenDocument } from './open-document'
import { RecoveryStore } from './recovery-store'
import { renamedFields } from './rename'
import { emptySnapshot, type SessionError, type SessionSnapshot } from './session-snapshot'
import { SnapshotStore } from './snapshot-store'
import { withItem, withoutItem } from './sets'

/**
 * Opens, edits and saves articles (one tab each): the bridge between the API, the editor controller and React.
 * Holds per-file versions and saved text, derives dirty state from the editor, journals unsaved edits for crash
 * recovery, and turns save failures and external changes into snapshot state (never a thrown error).
 */
export class EditingSession extends SnapshotStore<SessionSnapshot> {
  /** Journals unsaved edits a moment after typing. */
  readonly journal: JournalWriter
  /** Offers journaled edits left by a crash when a folder is opened. */
  readonly recovery: RecoveryStore
  private readonly docs = new Map<string, OpenDocument>()
  private readonly savedListeners = new Set<(path: string) => void>()
  private readonly autosaveTimers = new AutosaveTimers((path) => {
    if (this.mayAutosave(path)) void this.save({ path })
  })
  private stopEditor: (() => void) | null = null
  private openRequest = 0
  private saving: Promise<void> = Promise.resolve()
  private readonly formEdits = new FormEditRuns()

  constructor(
    private readonly api: FolioApi,
    private readonly editor: EditorController,
  ) {
    super(emptySnapshot)
    this.journal = new JournalWriter(api, (path) => this.journalEntryOf(path))
    this.recovery = new RecoveryStore(
      api,
      (path, text, isMissing) => this.restoreText(path, text, isMissing),
      (path) => this.docs.has(path),
    )
  }

  /** Starts following the editor; safe to call again after `stop`. */
  start(): void {
    this.stopEditor ??= this.editor.subscribe((event) => this.handleEditorEvent(event))
  }

  /** Stops following the editor (the documents stay in memory). */
  stop(): void {
    this.stopEditor?.()
    this.stopEditor = null
  }

  /** Calls `listener` with the path after each successful save (e.g. to refresh the list); returns the unsubscribe. */
  onSaved(listener: (path: string) => void): () => void {
    this.savedListeners.add(listener)
    return () => this.savedListeners.delete(listener)
  }

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
    else this.update({ activePath: null, isDirty: false, readOnlyReason: null, frontMatter: null })
  }

  /**
   * Saves `path` (default: the active document) with the text it has when its turn comes; saves run one at a
   * time, in order, so a second Ctrl+S during a slow write is not lost. `force` overwrites a file changed on disk.
   */
  save(options: { force?: boolean; path?: string } = {}): Promise<void> {
    const path = options.path ?? this.editor.activePath
    if (path === null) return this.saving
    this.autosaveTimers.cancel(path)
    this.saving = this.saving
      .then(() => this.saveDocument(path, options.force ?? false))
      // NOTE: a rejected call (e.g. the IPC channel broke) must not wedge every later save behind it.
      .catch((error: unknown) => this.update({ status: 'idle', error: { code: 'IO', message: messageOf(error), path, action: 'save' } }))
    return this.saving
  }

  /** Saves every open document with unsaved edits (read-only ones are skipped). */
  async saveAll(): Promise<void> {
    for (const path of this.getSnapshot().dirtyPaths) if (!this.docs.get(path)?.isReadOnly) void this.save({ path })
    await this.saving
  }

  /** Saves again after a failed save (the Retry button). */
  async retry(): Promise<void> {
    const { error } = this.getSnapshot()
    if (error?.action === 'save' && error.path !== undefined && this.docs.has(error.path)) await this.save({ path: error.path })
  }

  /** Drops the unsaved edits of `path` (default: active) and shows the file as on disk; undo can bring them back. */
  async revert(path: string | null = this.editor.activePath): Promise<void> {
    if (path !== null && this.docs.has(path)) await this.reload(path)
  }

  /** Overwrites the conflicted file with the editor's text ("Keep mine"). */
  async keepMine(): Promise<void> {
    const path = this.getSnapshot().conflictPath
    if (path !== null) await this.save({ path, force: true })
  }

  /** Replaces the conflicted document's text with the file on disk ("Take theirs"); undo can bring it back. */
  async takeTheirs(): Promise<void> {
    const path = this.getSnapshot().conflictPath
    if (path !== null) await this.reload(path)
  }

  /**
   * Keeps both sides of a conflict: merges the editor's text and the disk's against the text the editor opened,
   * and leaves the result unsaved on top of the disk version (so Save then writes without a conflict).
   */
  mergeConflict(): void {
    const { conflictPath: path, conflict } = this.getSnapshot()
    const doc = path === null ? undefined : this.docs.get(path)
    const mine = path === null ? undefined : this.editor.textOf(path)
    if (path === null || !doc || mine === undefined || conflict?.path !== path) return
    const outcome = mergeThreeWay(conflict.base, mine, conflict.theirs)
    if (outcome.kind === 'conflict') {
      return this.update({ conflict: { ...conflict, isMergeable: false }, error: { code: 'CONFLICT', message: 'both sides changed the same lines', path, action: 'merge' } })
    }
    doc.version = conflict.theirsVersion
    doc.savedDoc = textOf(conflict.theirs)
    this.editor.replaceText(path, outcome.text)
    this.refreshDirty(path)
    this.journal.schedule(path)
    this.update({ conflictPath: null, conflict: null, error: null })
  }

  /**
   * Sets one top-level front-matter key as an editor transaction (undoable), changing only that value's text;
   * successive values for the same key are computed from the text before the first (see FormEditRuns).
   */
  setFrontMatterValue(key: string, value: FrontMatterValue): void {
    const path = this.editor.activePath
    const text = path === null ? undefined : this.editor.textOf(path)
    if (path === null || text === undefined) return
    const result = this.formEdits.change(path, text, key, value)
    if (!result.ok) this.update({ error: withPath(result.error, path, 'edit') })
    else if (result.value) this.editor.applyChanges([result.value])
  }

  /** Chooses when edits are saved without asking (see AutosaveMode); `off` cancels pending autosaves. */
  setAutosave(mode: AutosaveMode): void {
    if (mode !== 'pause') this.autosaveTimers.cancelAll()
    this.update({ autosave: mode })
  }

  /** Focus left the editor or the window: saves what autosave may save when the mode is `focus`. */
  handleFocusChange(): void {
    if (this.getSnapshot().autosave !== 'focus') return
    for (const path of this.getSnapshot().dirtyPaths) if (this.mayAutosave(path)) void this.save({ path })
  }

  /** Follows changes made outside Folio: reloads clean documents silently, flags dirty ones as conflicts. */
  readonly handleFolderEvent = (event: FolderEvent): void => {
    if (event.kind === 'folder-opened') return this.reset()
    if (event.kind === 'close-requested') return this.handleCloseRequest()
    if (event.kind === 'article-renamed' && this.follow(event.from, event.to)) return
    const gone = event.kind === 'article-removed' ? event.path : event.kind === 'article-renamed' ? event.from : null
    if (gone !== null && this.docs.has(gone)) return this.setMissing(gone, true)
    if (event.kind === 'article-added') return this.setMissing(event.path, false)
    if (event.kind !== 'article-changed') return
    this.setMissing(event.path, false)
    const doc = this.docs.get(event.path)
    if (!doc || doc.version.hash === event.version.hash) return
    if (this.isDirty(event.path)) this.setConflict(event.path)
    else void this.reload(event.path)
  }

  /** Answers the window's close: saves every dirty document, and lets the window close only when all are saved. */
  async saveAllAndClose(): Promise<void> {
    await this.saveAll()
    this.update({ isCloseRequested: false })
    if (this.getSnapshot().dirtyPaths.size === 0) await this.api.confirmClose()
  }

  /** Answers the window's close: drops the unsaved edits (and their journal) and lets the window close. */
  async discardAndClose(): Promise<void> {
    for (const path of this.getSnapshot().dirtyPaths) this.journal.clear(path)
    this.update({ isCloseRequested: false })
    await this.api.confirmClose()
  }

  /** Keeps the window open. */
  cancelClose(): void {
    this.update({ isCloseRequested: false })
  }

  /** Clears the current error message. */
  dismissError(): void {
    this.update({ error: null })
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

  private handleCloseRequest(): void {
    if (this.getSnapshot().dirtyPaths.size === 0) void this.api.confirmClose()
    else this.update({ isCloseRequested: true })
  }

  private async saveDocument(path: string, force: boolean): Promise<void> {
    const doc = this.docs.get(path)
    const text = this.editor.textOf(path)
    if (!doc || text === undefined) return
    if (doc.isReadOnly) {
      return this.update({ error: { code: 'READ_ONLY', message: doc.readOnlyReason ?? 'read-only', path, action: 'save' } })
    }
    this.update({ status: 'saving' })
    const result = await this.api.writeArticle({ path, text, format: doc.format, baseVersion: doc.version, force })
    if (!result.ok) {
      const isConflict = result.error.code === 'CONFLICT'
      this.update({ status: 'idle', error: isConflict ? null : withPath(result.error, path, 'save') })
      if (isConflict) this.setConflict(path)
      return
    }
    doc.version = result.value.version
    doc.savedDoc = textOf(text)
    this.refreshDirty(path)
    this.setMissing(path, false)
    this.journal.schedule(path)
    this.update({ status: 'idle', error: null, conflictPath: this.conflictWithout(path) })
    for (const listener of this.savedListeners) listener(path)
  }

  private async reload(path: string): Promise<void> {
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

  /** Marks `path` conflicted and reads the disk side for Compare and Merge. */
  private setConflict(path: string): void {
    this.update({ conflictPath: path })
    const doc = this.docs.get(path)
    const mine = this.editor.textOf(path)
    if (!doc || mine === undefined) return
    void loadConflictDetail(this.api, path, doc.savedDoc.toString(), mine).then((detail) => {
      if (detail.ok && this.getSnapshot().conflictPath === path) this.update({ conflict: detail.value })
    })
  }

  /** Moves an open document to the name it was renamed to outside Folio; false when it cannot follow. */
  private follow(from: string, to: string): boolean {
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
  private async restoreText(path: string, text: string, isMissing: boolean): Promise<boolean> {
    if (isMissing && !this.docs.has(path)) {
      const doc: OpenDocument = { path, version: absentVersion, format: { hasBom: false, eol: 'lf' }, savedDoc: textOf(''), isReadOnly: false, readOnlyReason: null }
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

  private journalEntryOf(path: string): JournalWriteRequest | null {
    const doc = this.docs.get(path)
    const text = this.editor.textOf(path)
    if (!doc || text === undefined || !this.isDirty(path)) return null
    return { path, text, baseVersion: doc.version }
  }

  private show(doc: OpenDocument): void {
    this.editor.open(doc.path, '', { isReadOnly: doc.isReadOnly })
    const { openPaths } = this.getSnapshot()
    this.update({ status: 'idle', error: null, openPaths: openPaths.includes(doc.path) ? openPaths : [...openPaths, doc.path], ...this.activeFields(doc) })
  }

  private activeFields(doc: OpenDocument): Partial<SessionSnapshot> {
    const state = this.editor.stateOf(doc.path)
    return {
      activePath: doc.path,
      isDirty: this.isDirty(doc.path),
      readOnlyReason: doc.readOnlyReason,
      frontMatter: state ? frontMatterOf(state) : null,
    }
  }

  private handleEditorEvent(event: EditorEvent): void {
    if (event.kind !== 'updated' || !event.isDocChanged) return
    this.journal.schedule(event.path)
    if (this.getSnapshot().autosave === 'pause') this.autosaveTimers.schedule(event.path)
    const wasDirty = this.getSnapshot().dirtyPaths.has(event.path)
    const dirtyChanged = this.refreshDirty(event.path) !== wasDirty
    const frontMatter = frontMatterOf(event.state)
    if (!dirtyChanged && frontMatter === this.getSnapshot().frontMatter) return
    this.update({ frontMatter, isDirty: this.getSnapshot().dirtyPaths.has(event.path) })
  }

  /** Autosave never resolves a conflict, writes back a deleted file or touches a read-only one; the writer decides. */
  private mayAutosave(path: string): boolean {
    const snap = this.getSnapshot()
    const doc = this.docs.get(path)
    return !!doc && !doc.isReadOnly && this.isDirty(path) && snap.conflictPath !== path && !snap.missingPaths.has(path)
  }

  /** Recomputes whether `path` is dirty, updating `dirtyPaths` in place of a new set; returns the new value. */
  private refreshDirty(path: string): boolean {
    const isDirty = this.isDirty(path)
    if (isDirty !== this.getSnapshot().dirtyPaths.has(path)) {
      const dirtyPaths = isDirty ? withItem(this.getSnapshot().dirtyPaths, path) : withoutItem(this.getSnapshot().dirtyPaths, path)
      this.update({ dirtyPaths, isDirty: path === this.getSnapshot().activePath ? isDirty : this.getSnapshot().isDirty })
    }
    return isDirty
  }

  private isDirty(path: string): boolean {
    const doc = this.docs.get(path)
    const state = this.editor.stateOf(path)
    return !!doc && !!state && !state.doc.eq(doc.savedDoc)
  }

  /** Records whether an open file is gone from disk (deleted or moved outside Folio); saving writes it back. */
  private setMissing(path: string, isMissing: boolean): void {
    const { missingPaths } = this.getSnapshot()
    if (missingPaths.has(path) === isMissing) return
    this.update({ missingPaths: isMissing ? withItem(missingPaths, path) : withoutItem(missingPaths, path) })
  }

  /** The conflict path after `path` was resolved (saved or reloaded). */
  private conflictWithout(path: string): string | null {
    const { conflictPath } = this.getSnapshot()
    return conflictPath === path ? null : conflictPath
  }
}

/** The base version of a file that does not exist (core only checks the version of a file that does). */
const absentVersion = { hash: '0'.repeat(64), size: 0, mtimeMs: 0 }

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function withPath(error: FolioError, path: string, action: SessionError['action']): SessionError {
  return { ...error, path: error.path ?? path, action }
}
