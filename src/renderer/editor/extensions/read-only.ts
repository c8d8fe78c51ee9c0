import { EditorState, type Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** Makes the document unchangeable by the user (and by commands) when `isReadOnly`; empty otherwise. */
export function readOnly(isReadOnly: boolean): Extension {
  return isReadOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []
}
