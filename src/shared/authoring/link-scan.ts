import { detectBlock } from '../front-matter/detect'

/**
 * A link found in an article: `ref` is the path argument of a `ref`/`relref` shortcode, `markdown` the destination of
 * an inline link or image, a reference definition, or an HTML `src`/`href`. `from..to` spans exactly the path text
 * (inside quotes or angle brackets), so a rewrite replaces nothing else.
 */
export interface LinkOccurrence {
  kind: 'ref' | 'markdown'
  from: number
  to: number
  value: string
}

// NOTE: Hugo runs shortcodes everywhere in the body, code blocks included, but not `{{</* ... */>}}` (escaped).
const refPattern = /\{\{([<%])\s*(?:ref|relref)\s+(?:path\s*=\s*)?("((?:[^"\\\n]|\\.)*)"|`([^`]*)`|([^\s"`>%}]+))/dg
const inlinePattern = /\]\(\s*(?:<([^>\n]*)>|((?:[^\s()<>]|\((?:[^\s()<>])*\))+))/dg
const definitionPattern = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*(?:<([^>\n]*)>|(\S+))/dgm
const htmlPattern = /<(?:a|img|source|video|audio)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/dgi

/** Ranges of fenced code blocks and code spans, where Markdown links are only text. */
function codeRanges(text: string, from: number): [number, number][] {
  const ranges: [number, number][] = []
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n/gm
  fence.lastIndex = from
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const marker = m[1]
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm')
    close.lastIndex = m.index + m[0].length
    const end = close.exec(text)
    const to = end ? end.index + end[0].length : text.length
    ranges.push([m.index, to])
    fence.lastIndex = to
  }
  const span = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g
  span.lastIndex = from
  for (let m = span.exec(text); m; m = span.exec(text)) {
    if (!ranges.some(([a, b]) => m.index >= a && m.index < b)) ranges.push([m.index, m.index + m[0].length])
  }
  return ranges
}

function bodyStart(text: string): number {
  const found = detectBlock(text)
  if (found.kind === 'block') return found.block.to
  if (found.kind === 'none') return found.bodyFrom
  return text.length
}

function addGroups(out: LinkOccurrence[], kind: LinkOccurrence['kind'], m: RegExpExecArray, groups: number[]): void {
  for (const g of groups) {
    const value = m[g]
    const span = m.indices?.[g]
    if (value === undefined || span === undefined) continue
    // NOTE: a Markdown link around a ref shortcode (`[t]({{< ref "x" >}})`) is the shortcode's business.
    if (kind === 'markdown' && value.startsWith('{{')) return
    out.push({ kind, from: span[0], to: span[1], value })
    return
  }
}

/** Every ref shortcode and Markdown/HTML link destination in the body of `text` (front matter excluded), in order. */
export function scanLinks(text: string): LinkOccurrence[] {
  const start = bodyStart(text)
  const out: LinkOccurrence[] = []
  refPattern.lastIndex = start
  for (let m = refPattern.exec(text); m; m = refPattern.exec(text)) addGroups(out, 'ref', m, [3, 4, 5])
  const code = codeRanges(text, start)
  const inCode = (at: number): boolean => code.some(([a, b]) => at >= a && at < b)
  for (const pattern of [inlinePattern, definitionPattern, htmlPattern]) {
    pattern.lastIndex = start
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!inCode(m.index)) addGroups(out, 'markdown', m, [1, 2])
  }
  return out.sort((a, b) => a.from - b.from)
}
