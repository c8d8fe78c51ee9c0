import type { FolderEvent, FolioApi } from '@shared/api'
import type { FolioError } from '@shared/result'
import type { FrontMatterValue } from '@shared/front-matter/types'
import type { EditorController, EditorEvent } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import { FormEditRuns } from './form-edit'
import { openDocumentFrom, textOf, type OpenDocument } from './open-document'
import { emptySnapshot, type SessionError, type SessionSnapshot } from './session-snapshot'
import { SnapshotStore } from './snapshot-store'

/**
 * Opens, edits and saves articles: the bridge between the API, the editor controller and React. Holds per-file
 * versions and saved text, derives dirty state from the editor, and turns save failures and external changes
 * into snapshot state (never a thrown error).
 */
export class EditingSession extends SnapshotStore<SessionSnapshot> {
  private readonly docs = new Map<string, OpenDocument>()
  private readonly savedListeners = new Set<(path: string) => void>()
  private stopEditor: (() => void) | null = null
  private openRequest = 0
  private saving: Promise<void> = Promise.resolve()
  private readonly formEdits = new FormEditRuns()

  constructor(
    private readonly api: FolioApi,
    private readonly editor: EditorController,
  ) {
    super(emptySnapshot)
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

  /** Shows `path` in the editor, reading it from disk the first time; a failure becomes `snapshot.error`. */
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

  /**
   * Saves `path` (default: the active document) with the text it has when its turn comes; saves run one at a
   * time, in order, so a second Ctrl+S during a slow write is not lost. `force` overwrites a file changed on disk.
   */
  save(options: { force?: boolean; path?: string } = {}): Promise<void> {
    const path = options.path ?? this.editor.activePath
    if (path === null) return this.saving
    this.saving = this.saving
      .then(() => this.saveDocument(path, options.force ?? false))
      // NOTE: a rejected call (e.g. the IPC channel broke) must not wedge every later save behind it.
      .catch((error: unknown) => this.update({ status: 'idle', error: { code: 'IO', message: messageOf(error), path, action: 'save' } }))
    return this.saving
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

  /** Follows changes made outside Folio: reloads clean documents silently, flags dirty ones as conflicts. */
  readonly handleFolderEvent = (event: FolderEvent): void => {
    if (event.kind === 'folder-opened') return this.reset()
    const gone = event.kind === 'article-removed' ? event.path : event.kind === 'article-renamed' ? event.from : null
    if (gone !== null && this.docs.has(gone)) return this.setMissing(gone, true)
    if (event.kind === 'article-added') return this.setMissing(event.path, false)
    if (event.kind !== 'article-changed') return
    this.setMissing(event.path, false)
    const doc = this.docs.get(event.path)
    if (!doc || doc.version.hash === event.version.hash) return
    if (this.isDirty(event.path)) this.update({ conflictPath: event.path })
    else void this.reload(event.path)
  }

  /** Clears the current error message. */
  dismissError(): void {
    this.update({ error: null })
  }

  /** Forgets every document (another folder was opened). */
  reset(): void {
    this.docs.clear()
    this.openRequest++
    this.editor.reset()
    this.replace(emptySnapshot)
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
      return this.update({
        status: 'idle',
        conflictPath: isConflict ? path : this.getSnapshot().conflictPath,
        error: isConflict ? null : withPath(result.error, path, 'save'),
      })
    }
    doc.version = result.value.version
    doc.savedDoc = textOf(text)
    this.refreshDirty(path)
    this.setMissing(path, false)
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
    this.update({ conflictPath: this.conflictWithout(path), ...(this.editor.activePath === path ? this.activeFields(fresh) : {}) })
  }

  private show(doc: OpenDocument): void {
    this.editor.open(doc.path, '', { isReadOnly: doc.isReadOnly })
    this.update({ status: 'idle', error: null, ...this.activeFields(doc) })
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
    const wasDirty = this.getSnapshot().dirtyPaths.has(event.path)
    const dirtyChanged = this.refreshDirty(event.path) !== wasDirty
    const frontMatter = frontMatterOf(event.state)
    if (!dirtyChanged && frontMatter === this.getSnapshot().frontMatter) return
    this.update({ frontMatter, isDirty: this.getSnapshot().dirtyPaths.has(event.path) })
  }

  /** Recomputes whether `path` is dirty, updating `dirtyPaths` in place of a new set; returns the new value. */
  private refreshDirty(path: string): boolean {
    const isDirty = this.isDirty(path)
    if (isDirty !== this.getSnapshot().dirtyPaths.has(path)) {
      const dirtyPaths = new Set(this.getSnapshot().dirtyPaths)
      if (isDirty) dirtyPaths.add(path)
      else dirtyPaths.delete(path)
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
    const next = new Set(missingPaths)
    if (isMissing) next.add(path)
    else next.delete(path)
    this.update({ missingPaths: next })
  }

  /** The conflict path after `path` was resolved (saved or reloaded). */
  private conflictWithout(path: string): string | null {
    const { conflictPath } = this.getSnapshot()
    return conflictPath === path ? null : conflictPath
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function withPath(error: FolioError, path: string, action: SessionError['action']): SessionError {
  return { ...error, path: error.path ?? path, action }
}
