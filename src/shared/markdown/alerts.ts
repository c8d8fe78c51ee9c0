import type { MarkdownIt, StateCore, Token } from 'markdown-it'

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i

/** The alert types GitHub and Hugo's blockquote render hooks (`.AlertType`) know, with the title each shows. */
export const alertTitles = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const

function convert(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 0; i + 2 < tokens.length; i++) {
    const quote = tokens[i]
    const paragraph = tokens[i + 1]
    const inline = tokens[i + 2]
    if (quote?.type !== 'blockquote_open' || paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') continue
    const match = MARKER.exec(inline.content)
    if (!match) continue
    const type = (match[1] ?? 'note').toLowerCase() as keyof typeof alertTitles
    quote.attrJoin('class', `markdown-alert markdown-alert-${type}`)
    quote.attrSet('data-alert', type)
    inline.content = inline.content.slice(match[0].length)
    const title = titleTokens(state, alertTitles[type], quote.level + 1)
    // NOTE: a marker alone on its paragraph leaves nothing to show: the title takes that paragraph's place.
    if (inline.content.trim() === '') tokens.splice(i + 1, 3, ...title)
    else tokens.splice(i + 1, 0, ...title)
  }
}

function titleTokens(state: StateCore, title: string, level: number): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1)
  open.attrSet('class', 'markdown-alert-title')
  open.block = true
  open.level = level
  const inline = new state.Token('inline', '', 0)
  inline.content = title
  inline.children = []
  inline.level = level + 1
  const close = new state.Token('paragraph_close', 'p', -1)
  close.block = true
  close.level = level
  return [open, inline, close]
}

/**
 * A markdown-it plugin for GitHub alerts (`> [!NOTE]` … `> [!CAUTION]`), the syntax Hugo's blockquote render hooks
 * read: the blockquote gets `markdown-alert markdown-alert-<type>` and a title paragraph instead of the literal marker.
 */
export function alertsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'github_alerts', convert)
}
