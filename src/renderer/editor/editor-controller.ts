import { EditorSelection, type ChangeSet, type EditorState } from '@codemirror/state'
import { EditorView, type ViewUpdate } from '@codemirror/view'
import { undo, redo } from '@codemirror/commands'
import type { TextChange } from '@shared/front-matter/types'
import { compartments, createDocumentState, type SetupOptions } from './setup'
import { lineWrapping } from './extensions/line-wrapping'
import { readOnly } from './extensions/read-only'
import { spellCheck } from './extensions/spell-check'
import { editorAppearance, type EditorAppearance } from './extensions/appearance'
import { announceRevealLine } from './reveal-line'

/**
 * What listeners hear: the active document changed (`switched`) or its state was updated (`updated`, with the
 * changes from the previous state: empty when the text did not change).
 */
export type EditorEvent =
  | { kind: 'switched'; path: string | null; state: EditorState }
  | { kind: 'updated'; path: string; state: EditorState; isDocChanged: boolean; changes: ChangeSet }

/** Options when opening a document. */
export interface OpenOptions {
  isReadOnly?: boolean
}

/**
 * Owns the one CodeMirror `EditorView` and one `EditorState` per open document (so switching back keeps undo
 * history and unsaved edits). The editor text is the single source of truth; React only mounts `view.dom`.
 */
export class EditorController {
  readonly view: EditorView
  private readonly states = new Map<string, EditorState>()
  private readonly listeners = new Set<(event: EditorEvent) => void>()
  private readonly setup: SetupOptions
  private active: string | null = null
  private isLineWrapping = true
  private isSpellChecking = true
  private appearance: EditorAppearance | null = null

  constructor(options: { onSave: () => void }) {
    this.setup = { onSave: options.onSave, onUpdate: (update) => this.handleUpdate(update) }
    this.view = new EditorView({ state: this.createState('', true) })
  }

  /** The path of the document in the view, or null before one is opened. */
  get activePath(): string | null {
    return this.active
  }

  /** Puts the editor's DOM into `parent`; call `unmount` to take it out (the view and its states survive). */
  mount(parent: HTMLElement): void {
    parent.appendChild(this.view.dom)
    this.view.requestMeasure()
  }

  /** Removes the editor's DOM from the page. */
  unmount(): void {
    this.view.dom.remove()
  }

  /** Shows `path`; its saved state is reused when it was opened before, else `text` starts a fresh history. */
  open(path: string, text: string, options: OpenOptions = {}): void {
    if (this.active === path) return
    this.stash()
    const state = this.states.get(path) ?? this.createState(text, options.isReadOnly ?? false, path)
    this.states.set(path, state)
    this.active = path
    this.view.setState(state)
    this.emit({ kind: 'switched', path, state })
  }

  /** True when `path` has a state in memory (opened before and not forgotten). */
  has(path: string): boolean {
    return this.states.has(path)
  }

  /** Drops the state kept for `path` (e.g. the file was reloaded into a fresh state or removed). */
  forget(path: string): void {
    if (this.active === path) return
    this.states.delete(path)
  }

  /** Moves the state of `from` (text, undo history) to `to`, e.g. the file was renamed outside; false when not open. */
  rename(from: string, to: string): boolean {
    const state = this.stateOf(from)
    if (!state || this.states.has(to)) return false
    this.states.delete(from)
    this.states.set(to, state)
    if (this.active === from) {
      this.active = to
      this.emit({ kind: 'switched', path: to, state: this.view.state })
    }
    return true
  }

  /** Drops `path` entirely; when it is the active document the view shows an empty read-only placeholder. */
  close(path: string): void {
    this.states.delete(path)
    if (this.active !== path) return
    this.active = null
    this.view.setState(this.createState('', true))
    this.emit({ kind: 'switched', path: null, state: this.view.state })
  }

  /** The current state of `path` (the view's state when it is active). */
  stateOf(path: string): EditorState | undefined {
    return this.active === path ? this.view.state : this.states.get(path)
  }

  /** The LF text of `path`, or undefined when it is not open. */
  textOf(path: string): string | undefined {
    return this.stateOf(path)?.doc.toString()
  }

  /** Applies text changes to the active document as one undoable transaction; false when nothing is open. */
  applyChanges(changes: readonly TextChange[], userEvent = 'input.form'): boolean {
    if (this.active === null) return false
    const state = this.view.state
    const selection = state.selection
    const changeSet = state.changes(changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })))
    this.view.dispatch({ changes: changeSet, selection: selection.map(changeSet), userEvent })
    return true
  }

  /** Replaces the whole text of `path` (reload from disk) as an undoable change, keeping the caret in range. */
  replaceText(path: string, text: string): void {
    const state = this.stateOf(path)
    if (!state || state.doc.toString() === text) return
    const spec = {
      changes: { from: 0, to: state.doc.length, insert: text },
      selection: EditorSelection.cursor(Math.min(state.selection.main.head, text.length)),
      userEvent: 'input.reload',
    }
    if (this.active === path) this.view.dispatch(spec)
    else this.states.set(path, state.update(spec).state)
  }

  /** Forgets every document and shows an empty, read-only placeholder (another folder was opened). */
  reset(): void {
    this.states.clear()
    this.active = null
    this.view.setState(this.createState('', true))
    this.emit({ kind: 'switched', path: null, state: this.view.state })
  }

  /** Switches the active document between editable and read-only. */
  setReadOnly(isReadOnly: boolean): void {
    this.view.dispatch({ effects: compartments.readOnly.reconfigure(readOnly(isReadOnly)) })
  }

  /** Turns soft wrapping on or off for the active document and those opened later. */
  setLineWrapping(isOn: boolean): void {
    this.isLineWrapping = isOn
    this.view.dispatch({ effects: compartments.lineWrapping.reconfigure(lineWrapping(isOn)) })
  }

  /** Tab moves focus out of the editor (true) or indents (false, the default; Escape then Tab still leaves). */
  setTabMovesFocus(isOn: boolean): void {
    this.view.setTabFocusMode(isOn)
  }

  /** Turns the spell checker on or off for the active document and those opened later. */
  setSpellChecking(isOn: boolean): void {
    this.isSpellChecking = isOn
    this.view.dispatch({ effects: compartments.spellCheck.reconfigure(spellCheck(isOn, this.active)) })
  }

  /** Applies the writer's font, size and line width to the active document and those opened later. */
  setAppearance(appearance: EditorAppearance): void {
    this.appearance = appearance
    this.view.dispatch({ effects: compartments.appearance.reconfigure(editorAppearance(appearance)) })
  }

  /** Undoes the last change of the active document; false when there is nothing to undo. */
  undo(): boolean {
    return undo(this.view)
  }

  /** Redoes the last undone change of the active document; false when there is nothing to redo. */
  redo(): boolean {
    return redo(this.view)
  }

  /**
   * Selects [from, to) in the active document (clamped to its length), scrolls it to the middle of the view and
   * focuses the editor; false when `path` is not the active document.
   */
  select(path: string, from: number, to: number = from, y: 'center' | 'start' = 'center'): boolean {
    if (this.active !== path) return false
    const length = this.view.state.doc.length
    const anchor = Math.max(0, Math.min(from, length))
    const head = Math.max(anchor, Math.min(to, length))
    this.view.dispatch({ selection: EditorSelection.single(anchor, head), effects: EditorView.scrollIntoView(anchor, { y }) })
    announceRevealLine(this.view.scrollDOM, { line: this.view.state.doc.lineAt(anchor).number, y })
    this.view.focus()
    return true
  }

  /**
   * Puts the caret of `path` at `at` (clamped) without taking focus, scrolled to the middle when `path` is active
   * (session restore); false when `path` is not open.
   */
  setCaret(path: string, at: number): boolean {
    const state = this.stateOf(path)
    if (!state) return false
    const selection = EditorSelection.cursor(Math.max(0, Math.min(at, state.doc.length)))
    if (this.active === path) this.view.dispatch({ selection, effects: EditorView.scrollIntoView(selection.head, { y: 'center' }) })
    else this.states.set(path, state.update({ selection }).state)
    return true
  }

  /** Moves keyboard focus into the text. */
  focus(): void {
    this.view.focus()
  }

  /** Listens to document switches and updates; returns the unsubscribe. */
  subscribe(listener: (event: EditorEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Destroys the view; the controller cannot be used afterwards. */
  destroy(): void {
    this.listeners.clear()
    this.view.destroy()
  }

  private createState(text: string, isReadOnly: boolean, path: string | null = null): EditorState {
    return createDocumentState(text, this.setup, { isReadOnly, isLineWrapping: this.isLineWrapping, path, isSpellChecking: this.isSpellChecking, appearance: this.appearance })
  }

  private stash(): void {
    if (this.active !== null) this.states.set(this.active, this.view.state)
  }

  private handleUpdate(update: ViewUpdate): void {
    // NOTE: the update listener also fires for the placeholder state before any document is opened.
    if (this.active === null) return
    this.emit({ kind: 'updated', path: this.active, state: update.state, isDocChanged: update.docChanged, changes: update.changes })
  }

  private emit(event: EditorEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
