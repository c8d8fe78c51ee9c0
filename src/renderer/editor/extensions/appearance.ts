import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** The writer's editor settings: font family (empty for the built-in), size in pixels, line width in characters (0: full). */
export interface EditorAppearance {
  font: string
  fontSize: number
  lineWidth: number
}

/** A theme layer for the writer's font, size and text column width; nothing when all are defaults (null). */
export function editorAppearance(appearance: EditorAppearance | null): Extension {
  if (appearance === null) return []
  const content: Record<string, string> = {}
  if (appearance.font.trim() !== '') content.fontFamily = appearance.font
  if (appearance.lineWidth > 0) content.maxWidth = `${appearance.lineWidth}ch`
  return EditorView.theme({
    '&': { fontSize: `${appearance.fontSize}px` },
    '.cm-content': content,
    '.cm-scroller': appearance.font.trim() === '' ? {} : { fontFamily: appearance.font },
  })
}
