import type { Result } from '@shared/result'
import type { TextChange } from '@shared/front-matter/types'
import type { EditorController } from '../../editor/editor-controller'

/**
 * Runs a lossless front-matter edit (unsetValue, renameKey…) on the active document's text and applies it as one
 * editor transaction (so undo covers it). Answers the failure's message, or null when applied (or nothing to do).
 */
export function editActiveFrontMatter(editor: EditorController, edit: (text: string) => Result<TextChange[]>): string | null {
  const path = editor.activePath
  const text = path === null ? undefined : editor.textOf(path)
  if (text === undefined) return 'No article is open.'
  const result = edit(text)
  if (!result.ok) return result.error.message
  if (result.value.length > 0) editor.applyChanges(result.value)
  return null
}
