import type { Extension } from '@codemirror/state'
import { foldService, codeFolding, foldGutter, foldKeymap } from '@codemirror/language'
import { keymap } from '@codemirror/view'
import { frontMatterField } from './front-matter-state'

/**
 * Lets the front-matter block fold from the end of its opening fence to the end of its closing fence, so the
 * writer can hide metadata the form already shows. Also installs the fold gutter and keys (Ctrl-Shift-[ / ]).
 */
export function frontMatterFold(): Extension {
  const service = foldService.of((state, lineStart, lineEnd) => {
    const block = state.field(frontMatterField, false)?.block
    if (!block || lineStart !== state.doc.lineAt(block.from).from || block.to <= lineEnd) return null
    const closing = state.doc.lineAt(Math.max(block.to - 1, lineEnd))
    return closing.to > lineEnd ? { from: lineEnd, to: closing.to } : null
  })
  return [service, codeFolding({ placeholderText: 'front matter' }), foldGutter(), keymap.of(foldKeymap)]
}
