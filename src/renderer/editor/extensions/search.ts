import type { Extension } from '@codemirror/state'
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search'
import { keymap } from '@codemirror/view'

/** Find and replace (Mod-f) with the panel at the top, and highlighting of other matches of the selection. */
export function searchSupport(): Extension {
  return [search({ top: true }), highlightSelectionMatches(), keymap.of(searchKeymap)]
}
