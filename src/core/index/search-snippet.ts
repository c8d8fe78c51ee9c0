import type { SearchSnippet } from '@shared/api'
import { detectBlock } from '@shared/front-matter/detect'

// NOTE: characters of context on each side of the first match; a list row shows about this much.
const radius = 48

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
 * matter when it has a match), centred on that match (about as much context before it as after, cut at word
 * boundaries, `…` where the line goes on), with the matched words as highlight ranges into the excerpt and the first
 * match's offsets into `text` (the LF text the editor holds) so a hit opens there. Null when nothing matches.
 */
export function makeSnippet(text: string, terms: readonly string[], bodyFrom: number): SearchSnippet | null {
  if (terms.length === 0) return null
  const lower = text.toLowerCase()
  // NOTE: toLowerCase can change length for a few characters (e.g. "İ"); offsets then drift, so fall back to no highlight.
  const isAligned = lower.length === text.length
  const inBody = findMatches(lower, terms, bodyFrom, lower.length)
  const first = inBody[0] ?? findMatches(lower, terms, 0, bodyFrom)[0]
  if (first === undefined) return null
  const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1
  const lineEndAt = text.indexOf('\n', first[1])
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt
  let from = Math.max(lineStart, first[0] - radius)
  let to = Math.min(lineEnd, first[1] + radius)
  // NOTE: a short side lends its unused room to the other, so a match near a line's start still gets context.
  if (first[0] - from < radius) to = Math.min(lineEnd, to + radius - (first[0] - from))
  if (to - first[1] < radius) from = Math.max(lineStart, from - (radius - (to - first[1])))
  if (from > lineStart) from = wordStartAfter(text, from, first[0])
  if (to < lineEnd) to = wordEndBefore(text, to, first[1])
  const prefix = from > lineStart ? '…' : ''
  const suffix = to < lineEnd ? '…' : ''
  const highlights: [number, number][] = isAligned
    ? findMatches(lower, terms, from, to)
        .filter(([, end]) => end <= to)
        .map(([a, b]) => [a - from + prefix.length, b - from + prefix.length])
    : []
  const line = countLines(text, first[0])
  return { text: prefix + text.slice(from, to) + suffix, highlights, match: { from: first[0], to: first[1], line } }
}

/** The first word start at or after `at` (never past `limit`, the match). */
function wordStartAfter(text: string, at: number, limit: number): number {
  const space = text.indexOf(' ', at)
  return space !== -1 && space < limit ? space + 1 : at
}

/** The last word end at or before `at` (never before `limit`, the match's end). */
function wordEndBefore(text: string, at: number, limit: number): number {
  const space = text.lastIndexOf(' ', at)
  return space >= limit ? space : at
}

function countLines(text: string, to: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Where an article's body starts in its LF text (past the front matter block, if any): snippets prefer the body. */
export function bodyStart(text: string): number {
  const found = detectBlock(text)
  return found.kind === 'block' ? found.block.to : 0
}
