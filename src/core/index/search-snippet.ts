import type { SearchSnippet } from '@shared/api'

const radius = 60

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127
}

/** Offsets of whole-word (the last term: word-start) matches of `terms` in `lower`, ascending. */
function findMatches(lower: string, terms: readonly string[], from: number, to: number): [number, number][] {
  const found: [number, number][] = []
  terms.forEach((term, index) => {
    const isPrefix = index === terms.length - 1
    for (let at = lower.indexOf(term, from); at !== -1 && at < to; at = lower.indexOf(term, at + 1)) {
      const end = at + term.length
      if (at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue
      if (!isPrefix && end < lower.length && isWordChar(lower.charCodeAt(end))) continue
      found.push([at, end])
    }
  })
  return found.sort((a, b) => a[0] - b[0])
}

/**
 * A one-line excerpt of `text` around the first match of the query terms (the body is preferred over the front
 * matter when it has a match), with the matched words as highlight ranges into the excerpt. Null when nothing matches.
 */
export function makeSnippet(text: string, terms: readonly string[], bodyFrom: number): SearchSnippet | null {
  if (terms.length === 0) return null
  const lower = text.toLowerCase()
  // NOTE: toLowerCase can change length for a few characters (e.g. "İ"); offsets then drift, so fall back to no highlight.
  const isAligned = lower.length === text.length
  const inBody = findMatches(lower, terms, bodyFrom, lower.length)
  const first = inBody[0] ?? findMatches(lower, terms, 0, bodyFrom)[0]
  if (first === undefined) return null
  let from = Math.max(0, first[0] - radius)
  let to = Math.min(text.length, first[1] + radius * 2)
  const lineStart = text.lastIndexOf('\n', first[0])
  if (lineStart >= from) from = lineStart + 1
  const lineEnd = text.indexOf('\n', first[1])
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd
  const excerpt = text.slice(from, to)
  const prefix = from > 0 && lineStart < from - 1 ? '…' : ''
  const highlights: [number, number][] = isAligned
    ? findMatches(lower, terms, from, to)
        .filter(([, end]) => end <= to)
        .map(([a, b]) => [a - from + prefix.length, b - from + prefix.length])
    : []
  return { text: prefix + excerpt, highlights }
}
