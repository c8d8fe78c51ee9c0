import type { MarkdownIt, StateCore, Token } from 'markdown-it'

/** What Goldmark's Linkify (GFM extended autolinks) accepts: `www.` names, URLs with a scheme, and e-mail addresses. */
const GOLDMARK_AUTOLINK = /^(?:www\.|[a-z][a-z0-9+.-]*:|[^@\s]+@)/i
/** Text that could hold such a link; anything else skips linkify-it's costly fuzzy search. */
const CANDIDATE = /www\.|:\/\/|@|mailto:/i

/** Keeps the links Goldmark would make, unwrapping the rest, and gives `www.` links https (Hugo's `linkifyProtocol`). */
function adjust(children: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < children.length; i++) {
    const token = children[i]
    const text = children[i + 1]
    if (token.type !== 'link_open' || token.markup !== 'linkify' || text?.type !== 'text') {
      out.push(token)
      continue
    }
    if (!GOLDMARK_AUTOLINK.test(text.content)) {
      out.push(text)
      i += 2
      continue
    }
    const href = String(token.attrGet('href') ?? '')
    if (/^www\./i.test(text.content) && href.startsWith('http://')) token.attrSet('href', 'https://' + href.slice('http://'.length))
    out.push(token)
  }
  return out
}

function goldmarkLinks(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children?.some((t) => t.markup === 'linkify')) token.children = adjust(token.children)
  }
}

/** A markdown-it plugin making linkify behave like Hugo's Goldmark: bare `www.example.com` links (as https), bare `example.com` does not. */
export function goldmarkLinkifyPlugin(md: MarkdownIt): void {
  md.set({ linkify: true })
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false })
  const linkify = md.linkify
  const fullTest = linkify.test.bind(linkify)
  // NOTE: markdown-it's linkify rule calls test() before match(); a cheap pre-filter there keeps fuzzy links affordable.
  linkify.test = (text: string): boolean => CANDIDATE.test(text) && fullTest(text)
  md.core.ruler.after('linkify', 'goldmark_linkify', goldmarkLinks)
}
