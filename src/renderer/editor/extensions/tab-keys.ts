import type { EditorState, Extension } from '@codemirror/state'
import { indentLess, indentMore } from '@codemirror/commands'
import { keymap, type Command } from '@codemirror/view'
import { frontMatterOf } from './front-matter-state'

/** True when any selected range touches the front-matter block (its fences included). */
export function touchesFrontMatter(state: EditorState): boolean {
  const block = frontMatterOf(state).block
  if (block === null) return false
  return state.selection.ranges.some((range) => range.from < block.to)
}

/**
 * Tab and Shift+Tab indent and outdent the lines of the selection (list items, code) in the body; in the front
 * matter they do nothing at all (a `---` fence or a YAML key indented by Tab breaks the block). The browser's own
 * Tab (leave the editor) applies in tab-focus mode and after Escape, which CodeMirror handles before this keymap.
 */
export const indentBody: Command = (view) => (touchesFrontMatter(view.state) ? true : indentMore(view))

/** Shift+Tab counterpart of indentBody. */
export const outdentBody: Command = (view) => (touchesFrontMatter(view.state) ? true : indentLess(view))

/** The Tab keymap of the editor (see indentBody). */
export function tabKeys(): Extension {
  return keymap.of([{ key: 'Tab', run: indentBody, shift: outdentBody }])
}
