import type { MarkdownIt, StateCore } from 'markdown-it'
import { envOf } from './env'

function annotate(state: StateCore): void {
  const offset = envOf(state.env).lineOffset
  for (const token of state.tokens) {
    if (!token.block || !token.map || token.nesting === -1 || token.hidden) continue
    if (token.type === 'inline' || token.type === 'html_block') continue
    token.attrSet('data-source-line', String(token.map[0] + 1 + offset))
  }
}

/**
 * A markdown-it plugin giving each block element `data-source-line`: the 1-based line in the file where the block
 * starts (body line + `lineOffset`). Raw HTML blocks get none: wrapping them could change how they nest.
 */
export function sourceLinePlugin(md: MarkdownIt): void {
  md.core.ruler.push('folio_source_lines', annotate)
}
