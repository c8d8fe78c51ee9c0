import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { editorHelpId } from '../../editor-help'

/** Gives the editable content element an accessible name (the UI contract names it "Markdown editor") and its key help as description. */
export function accessibleName(name = 'Markdown editor'): Extension {
  return EditorView.contentAttributes.of({ 'aria-label': name, 'aria-multiline': 'true', 'aria-describedby': editorHelpId })
}
