import type { FolderEvent } from '@shared/api'
import type { TypedNumber } from '@shared/front-matter/number-edit'
import type { FrontMatterValue } from '@shared/front-matter/types'
import { mergeThreeWay } from '@shared/merge'
import type { EditorEvent } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import type { AutosaveMode } from './autosave'
import { loadConflictDetail } from './conflict-detail'
import { DocumentTabs } from './document-tabs'
import { FormEditRuns } from './form-edit'
import { textOf } from './open-document'
import { messageOf, withPath } from './session-errors'

/**
 * Opens, edits and saves articles (one tab each): the bridge between the API, the editor controller and React.
 * Holds per-file versions and saved text, derives dirty state from the editor, journals unsaved edits for crash
 * recovery, and turns save failures and external changes into snapshot state (never a thrown error).
 */
export class EditingSession extends DocumentTabs {
  private readonly savedListeners = new Set<(path: string) => void>()
  private stopEditor: (() => void) | null = null
  private saving: Promise<void> = Promise.resolve()
  private readonly formEdits = new FormEditRuns()

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
  setFrontMatterValue(key: string, value: FrontMatterValue, typed?: TypedNumber): void {
    const path = this.editor.activePath
    const text = path === null ? undefined : this.editor.textOf(path)
    if (path === null || text === undefined) return
    const result = this.formEdits.change(path, text, key, value, typed)
    if (!result.ok) this.update({ error: withPath(result.error, path, 'edit') })
    // NOTE: text typed in a field is an `input.type` event, so CodeMirror's history merges adjacent keystrokes into
    // one undo step until a pause (its newGroupDelay); a switch, chip or date change stays a step of its own.
    else if (result.value) this.editor.applyChanges([result.value], typeof value === 'string' ? 'input.type.form' : 'input.form')
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
    if (event.kind === 'close-requested') return this.handleCloseRequest(event.reason === 'open-folder')
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

  /**
   * Follows a move Folio made (Rename, Move, bundle conversion): the tab, its journal and its unsaved edits go to the
   * new path, and a clean document reloads (the move may have rewritten its links or added an alias).
   */
  async followMove(from: string, to: string): Promise<void> {
    if (!this.follow(from, to)) return
    if (!this.isDirty(to)) await this.reload(to)
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

  /**
   * Puts `text` into the editor as an unsaved edit of `path` (a version from Git's history, an undone discard); false
   * when it cannot open. `isMissing`: the file is gone (a discard sent it to the trash), so saving creates it again.
   */
  restoreVersion(path: string, text: string, isMissing = false): Promise<boolean> {
    return this.restoreText(path, text, isMissing)
  }

  /** Clears the current error message. */
  dismissError(): void {
    this.update({ error: null })
  }

  protected autosave(path: string): void {
    void this.save({ path })
  }

  private handleCloseRequest(isOpeningFolder: boolean): void {
    if (this.getSnapshot().dirtyPaths.size === 0) void this.api.confirmClose()
    else this.update({ isCloseRequested: true, isOpeningFolder })
  }

  /**
   * The writer agreed (after the UI asked) to edit a file that is read-only by its permissions: it becomes editable,
   * and its saves ask the host to make it writable. Does nothing for a file that is read-only for another reason.
   */
  allowWriting(path: string): void {
    const doc = this.docs.get(path)
    if (!doc?.canMakeWritable) return
    Object.assign(doc, { isReadOnly: false, readOnlyReason: null, canMakeWritable: false, makeWritable: true })
    if (this.editor.activePath === path) {
      this.editor.setReadOnly(false)
      this.update(this.activeFields(doc))
    }
  }

  private async saveDocument(path: string, force: boolean): Promise<void> {
    const doc = this.docs.get(path)
    const text = this.editor.textOf(path)
    if (!doc || text === undefined) return
    if (doc.isReadOnly) {
      return this.update({ error: { code: 'READ_ONLY', message: doc.readOnlyReason ?? 'read-only', path, action: 'save' } })
    }
    this.update({ status: 'saving' })
    const result = await this.api.writeArticle({ path, text, format: doc.format, baseVersion: doc.version, force, ...(doc.makeWritable === true ? { makeWritable: true } : {}) })
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

}
