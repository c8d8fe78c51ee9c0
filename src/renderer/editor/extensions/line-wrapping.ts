import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** Soft-wraps long lines (prose is written as one line per paragraph); empty when `isOn` is false. */
export function lineWrapping(isOn = true): Extension {
  return isOn ? EditorView.lineWrapping : []
}
