// NOTE: plain strings, no CodeMirror: the shortcuts sheet (first chunk) reads them too.
/** The id of the element describing the editor's keys (EditorPane renders it). */
export const editorHelpId = 'folio-editor-keys'

/** What the editor's description says about Tab: how to leave the editor (read by screen readers on entering it). */
export const editorHelpText = 'Tab indents list items and code. To leave the editor, press Escape, then Tab. Ctrl+M (Cmd+Shift+M on macOS) makes Tab move focus.'
