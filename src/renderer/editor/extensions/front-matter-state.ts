import { StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state'
import { parseFrontMatter } from '@shared/front-matter'
import type { ParsedFrontMatter } from '@shared/front-matter/types'

/**
 * The document's parsed front matter, recomputed once per document change and shared by the fold, the form and
 * anything else that needs it. Edits wholly after the block keep the previous parse (its offsets are still valid).
 */
export const frontMatterField = StateField.define<ParsedFrontMatter>({
  create: (state) => parseFrontMatter(state.doc.toString()),
  update: (parsed, tr) => (tr.docChanged && touchesFrontMatter(parsed, tr) ? parseFrontMatter(tr.newDoc.toString()) : parsed),
})

function touchesFrontMatter(parsed: ParsedFrontMatter, tr: Transaction): boolean {
  // NOTE: without a block any edit might create one (a `---` typed on line 1), so only a block bounds the check.
  const end = parsed.block?.to
  if (end === undefined || parsed.errors.length > 0) return true
  let touches = false
  // `<=` so typing right at the block's end (which may extend its closing line) re-parses.
  tr.changes.iterChangedRanges((fromA) => {
    if (fromA <= end) touches = true
  })
  return touches
}

/** Registers the field (setup lists it; other extensions read it with `frontMatterOf`). */
export function frontMatterState(): Extension {
  return frontMatterField
}

/** The parsed front matter of `state`; parses on the spot if the field is not installed. */
export function frontMatterOf(state: EditorState): ParsedFrontMatter {
  return state.field(frontMatterField, false) ?? parseFrontMatter(state.doc.toString())
}
