import { StateField, type EditorState, type Extension, type Text, type Transaction } from '@codemirror/state'
import { parseFrontMatter } from '@shared/front-matter'
import type { ParsedFrontMatter } from '@shared/front-matter/types'

/**
 * The document's parsed front matter, recomputed once per document change and shared by the fold, the form and
 * anything else that needs it. Edits wholly after the block keep the previous parse (its offsets are still valid).
 */
export const frontMatterField = StateField.define<ParsedFrontMatter>({
  create: (state) => parseDocFrontMatter(state.doc),
  update: (parsed, tr) => (tr.docChanged && touchesFrontMatter(parsed, tr) ? parseDocFrontMatter(tr.newDoc) : parsed),
})

/**
 * parseFrontMatter of the whole document, read from its start only as far as needed: a block is the same in a
 * prefix that holds it and the line after it (offsets count from the document's start either way), and "no front
 * matter" is decided by the first line after up to 4,096 blank characters. NOTE: typing in the front matter of a
 * 1 MB article re-parses on every key; copying the whole text each time cost more than the parse.
 */
export function parseDocFrontMatter(doc: Text): ParsedFrontMatter {
  for (let size = 16_384; size < doc.length; size *= 8) {
    const text = doc.sliceString(0, size)
    const parsed = parseFrontMatter(text)
    if (parsed.block !== null ? text.indexOf('\n', parsed.block.to) !== -1 : parsed.format === 'none' && text.indexOf('\n', 4097) !== -1) return parsed
  }
  return parseFrontMatter(doc.toString())
}

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
  return state.field(frontMatterField, false) ?? parseDocFrontMatter(state.doc)
}
