import type { MarkdownIt, StateCore } from 'markdown-it'

function strikethroughAsDel(state: StateCore): void {
  for (const token of state.tokens) {
    for (const child of token.children ?? []) if (child.type === 's_open' || child.type === 's_close') child.tag = 'del'
  }
}

/**
 * A markdown-it plugin for small differences from Goldmark's HTML: strikethrough as `<del>`, footnote references
 * as a bare number (`1`, not `[1]` or `[1:1]`). Must be used after markdown-it-footnote.
 */
export function goldmarkCompatPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'goldmark_del', strikethroughAsDel)
  md.renderer.rules.footnote_caption = (tokens, idx) => {
    const meta = tokens[idx]?.meta as { id: number } | undefined
    return String((meta?.id ?? 0) + 1)
  }
}
