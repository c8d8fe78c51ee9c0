import type { Extension } from '@codemirror/state'
import { history, historyKeymap, defaultKeymap, toggleTabFocusMode } from '@codemirror/commands'
import { keymap } from '@codemirror/view'

// NOTE: Tab is bound by tabKeys (never in the front matter) and Ctrl/Cmd+M by the app's command table, which also
// remembers the setting; CodeMirror's own Mod-m toggle would change the mode behind the setting's back.
const editingKeys = defaultKeymap.filter((binding) => binding.run !== toggleTabFocusMode)

/** Undo/redo (form edits are transactions too, so they are undoable) plus the default editing keys. */
export function historySupport(): Extension {
  return [history(), keymap.of([...editingKeys, ...historyKeymap])]
}
