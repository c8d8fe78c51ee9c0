import type { Extension } from '@codemirror/state'
import { history, historyKeymap, defaultKeymap, indentWithTab } from '@codemirror/commands'
import { keymap } from '@codemirror/view'

/** Undo/redo (form edits are transactions too, so they are undoable) plus the default editing keys. */
export function historySupport(): Extension {
  return [history(), keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab])]
}
