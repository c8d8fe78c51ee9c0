import type { RenderedBlock, RenderedMarkdown } from './render'

/**
 * A run of top-level blocks that an HTML parser reads the same on its own as within the whole body: the raw HTML in
 * it closes every element it opens. Most units are one block; a `<details>` or `<div>` written around Markdown
 * makes one unit from its opening block to its closing one. The preview sanitizes and replaces whole units.
 */
export interface PreviewUnit {
  /** The blocks' HTML joined, not sanitized. */
  html: string
  /** The file line of its first block. */
  line: number
  blocks: RenderedBlock[]
  /** True for the body's last unit (an unclosed raw block there gets a notice, see sanitizeRendered). */
  isLast: boolean
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
// NOTE: closed raw-text elements, comments and processing instructions hold no tags; unclosed, they (and <plaintext>)
// swallow the rest of the body in the parser, so the unit runs to the end.
const closedOpaque = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/gi
const openOpaque = /<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template|plaintext)\b|<!--|<\?|<!\[CDATA\[/i
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?(\/?)>/g

/** The open elements after `raw`, from `open` on; null when `raw` leaves the parser swallowing what follows. */
export function openElementsAfter(open: readonly string[], raw: string): string[] | null {
  const rest = raw.replace(closedOpaque, '')
  if (openOpaque.test(rest)) return null
  const stack = [...open]
  for (const match of rest.matchAll(tag)) {
    const name = (match[2] ?? '').toLowerCase()
    if (match[1] === '/') {
      const at = stack.lastIndexOf(name)
      if (at !== -1) stack.length = at
    } else if (match[3] !== '/' && !voidElements.has(name)) {
      stack.push(name)
    }
  }
  return stack
}

/** Groups a rendered body's blocks into units (see PreviewUnit); raw HTML left open makes a unit run on to the end. */
export function groupUnits(rendered: RenderedMarkdown): PreviewUnit[] {
  const units: PreviewUnit[] = []
  const blocks = rendered.blocks
  for (let i = 0; i < blocks.length; ) {
    const first = blocks[i]
    if (first === undefined) break
    let end = i + 1
    let open = first.raw === '' ? [] : openElementsAfter([], first.raw)
    while (end < blocks.length && (open === null || open.length > 0)) {
      const next = blocks[end]
      if (next !== undefined && open !== null && next.raw !== '') open = openElementsAfter(open, next.raw)
      end++
    }
    const members = blocks.slice(i, end)
    units.push({ html: members.map((b) => b.html).join(''), line: first.line, blocks: members, isLast: end >= blocks.length })
    i = end
  }
  return units
}
