// The page script of the keystroke bench's extension sizing (bench/keystroke.bench.mjs, FOLIO_KEYS_SIZING=1): Folio's
// own editor configuration (src/renderer/editor/setup.ts, the one list of the editor's extensions) in a page of its
// own, without React, the list, the form, the preview or the status bar; optionally with some of its extensions left
// out. Between the bare CodeMirror 6 editor (bench/bare-editor.mjs) and Folio's page it splits what a key costs into
// the editor's extensions and the rest of the page, and leaving one extension out at a time sizes each. Bundled by the
// bench with esbuild (it reads tsconfig's paths); the bench sizes it like Folio's editor and calls
// `startFolioEditor(text, leaveOut)`.
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { editorExtensions } from '../src/renderer/editor/setup'

/** The names of editorExtensions' entries, in its order: the bench leaves entries out by these names. */
export const extensionNames = ['frontMatterState', 'markdownLanguage', 'history', 'search', 'frontMatterFold', 'saveKeymap', 'tabKeys', 'accessibleName', 'writerTheme', 'caretBlink', 'dropCursor', 'highlightActiveLine', 'indentOnInput', 'bracketMatching', 'updateListener', 'lineWrapping', 'readOnly', 'spellCheck', 'appearance']

globalThis.startFolioEditor = (text, leaveOut = []) => {
  // NOTE: the editor controller's update listener (emit to the session, status bar, preview...) is the page's; here it
  // does nothing, as it would with no listener subscribed.
  const all = editorExtensions({ onSave: () => {}, onUpdate: () => {} }, { isReadOnly: false, isLineWrapping: true, path: 'long.md', isSpellChecking: true, appearance: null })
  if (all.length !== extensionNames.length) throw new Error(`setup.ts lists ${all.length} extensions, the bench names ${extensionNames.length}: update bench/folio-editor.mjs`)
  for (const name of leaveOut) if (!extensionNames.includes(name)) throw new Error(`no extension named ${name}`)
  const extensions = all.filter((_, i) => !leaveOut.includes(extensionNames[i]))
  const view = new EditorView({ state: EditorState.create({ doc: text, extensions }), parent: document.getElementById('editor') ?? document.body })
  return view.state.doc.length
}
