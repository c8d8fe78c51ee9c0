import { Compartment, EditorState, type Extension } from '@codemirror/state'
import { EditorView, highlightActiveLine, dropCursor, type ViewUpdate } from '@codemirror/view'
import { indentOnInput, bracketMatching } from '@codemirror/language'
import { accessibleName } from './extensions/accessible-name'
import { caretBlink } from './extensions/caret-blink'
import { frontMatterFold } from './extensions/front-matter-fold'
import { frontMatterState } from './extensions/front-matter-state'
import { historySupport } from './extensions/history'
import { lineWrapping } from './extensions/line-wrapping'
import { markdownLanguageSupport } from './extensions/markdown-language'
import { readOnly } from './extensions/read-only'
import { saveKeymap } from './extensions/save-keymap'
import { searchSupport } from './extensions/search'
import { writerTheme } from './extensions/theme'
import { spellCheck } from './extensions/spell-check'
import { tabKeys } from './extensions/tab-keys'
import { editorAppearance, type EditorAppearance } from './extensions/appearance'

/** Parts of the configuration that change at run time, reconfigured through their compartment. */
export const compartments = {
  lineWrapping: new Compartment(),
  readOnly: new Compartment(),
  spellCheck: new Compartment(),
  appearance: new Compartment(),
}

/** Hooks from the host of the editor into every document's state. */
export interface SetupOptions {
  onSave: () => void
  onUpdate: (update: ViewUpdate) => void
}

/** Options of one document's state. */
export interface DocumentOptions {
  isReadOnly: boolean
  isLineWrapping: boolean
  /** The article's path (its `name.xx.md` language) and whether the spell checker runs. */
  path?: string | null
  isSpellChecking?: boolean
  appearance?: EditorAppearance | null
}

/** The one list of the editor's extensions. */
export function editorExtensions(setup: SetupOptions, doc: DocumentOptions): Extension[] {
  return [
    frontMatterState(),
    markdownLanguageSupport(),
    historySupport(),
    searchSupport(),
    frontMatterFold(),
    saveKeymap(setup.onSave),
    tabKeys(),
    accessibleName(),
    writerTheme(),
    caretBlink(),
    dropCursor(),
    highlightActiveLine(),
    indentOnInput(),
    bracketMatching(),
    EditorView.updateListener.of(setup.onUpdate),
    compartments.lineWrapping.of(lineWrapping(doc.isLineWrapping)),
    compartments.readOnly.of(readOnly(doc.isReadOnly)),
    compartments.spellCheck.of(spellCheck(doc.isSpellChecking ?? true, doc.path ?? null)),
    compartments.appearance.of(editorAppearance(doc.appearance ?? null)),
  ]
}

/** A fresh state for one document. */
export function createDocumentState(text: string, setup: SetupOptions, doc: DocumentOptions): EditorState {
  return EditorState.create({ doc: text, extensions: editorExtensions(setup, doc) })
}
