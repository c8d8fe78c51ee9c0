// The page script of the keystroke bench's baseline (bench/keystroke.bench.mjs): a bare CodeMirror 6 editor, same
// packages and versions as Folio's, with the Markdown language configured as Folio's is (GFM, fenced code in its
// language) but none of Folio's extensions: no front-matter parser, fold, gutter, spell-check marks, active line,
// bracket matching, history, search, keymaps, listeners, form, preview, status bar or outline. Soft wrapping and the
// default highlight style stay, as any prose editor has them. Bundled by the bench with esbuild; the bench sizes it
// like Folio's editor (box, font, text column) and calls `startBareEditor(text)`.
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { languages } from '@codemirror/language-data'

globalThis.startBareEditor = (text) => {
  const extensions = [markdown({ base: markdownLanguage, codeLanguages: languages }), syntaxHighlighting(defaultHighlightStyle), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': 'Markdown editor' })]
  const view = new EditorView({ state: EditorState.create({ doc: text, extensions }), parent: document.getElementById('editor') ?? document.body })
  return view.state.doc.length
}
