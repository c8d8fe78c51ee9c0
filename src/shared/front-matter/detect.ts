import type { FrontMatterBlock } from './types'

/** What `detectBlock` found: a block, no block, or a block whose end is missing (offset of its opening). */
export type BlockDetection =
  | { kind: 'block'; block: FrontMatterBlock }
  | { kind: 'none'; bodyFrom: number }
  | { kind: 'unterminated'; format: FrontMatterBlock['format']; from: number; message: string }

const fences = { '---': 'yaml', '+++': 'toml' } as const

/**
 * Finds the front-matter block at the top of `text` with Hugo's rules: `---` (YAML) or `+++` (TOML) alone on the
 * first line, closed by the first line that starts with the same fence (Hugo ends the block at those three characters); or a JSON object starting with `{` at the top. Like Hugo,
 * blank lines before the opening are skipped (then `block.from` is past them).
 * Accepts a leading BOM and CRLF line breaks; offsets are into `text`.
 */
export function detectBlock(text: string): BlockDetection {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  // NOTE: Hugo skips blank lines and spaces before the opening fence, so a block may start past them.
  const limit = Math.min(text.length, start + 4096)
  let from = start
  while (from < limit && isBlank(text.charCodeAt(from))) from++
  const firstEnd = lineEnd(text, from)
  const firstLine = text.slice(from, firstEnd.contentEnd).trimEnd()
  if (firstLine === '---' || firstLine === '+++') {
    const format = fences[firstLine]
    const contentFrom = firstEnd.next
    // NOTE: runs for every article when a folder is indexed: only a line that starts with the fence is cut out.
    for (let pos = contentFrom; pos < text.length; ) {
      const newline = text.indexOf('\n', pos)
      const next = newline === -1 ? text.length : newline + 1
      if (text.startsWith(firstLine, pos)) {
        // NOTE: Hugo's lexer closes the block at any line starting with the fence (`----`, `--- # x`), takes a line
        // break right after the three characters with it, and the rest of that line starts the body.
        let to = pos + 3
        if (text[to] === '\r') to++
        if (text[to] === '\n') to++
        return { kind: 'block', block: { format, from, to, contentFrom, contentTo: pos } }
      }
      pos = next
    }
    return { kind: 'unterminated', format, from, message: `front matter opened with "${firstLine}" is never closed` }
  }
  if (text[from] === '{') return detectJson(text, from)
  return { kind: 'none', bodyFrom: start }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10
}

function lineEnd(text: string, pos: number): { contentEnd: number; next: number } {
  const i = text.indexOf('\n', pos)
  if (i === -1) return { contentEnd: text.length, next: text.length }
  return { contentEnd: i > pos && text[i - 1] === '\r' ? i - 1 : i, next: i + 1 }
}

// NOTE: Hugo takes the JSON object up to its matching brace; strings may hold braces, so they are skipped.
function detectJson(text: string, from: number): BlockDetection {
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
    } else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) {
      const end = lineEnd(text, i + 1)
      const rest = text.slice(i + 1, end.contentEnd)
      const to = rest.trim() === '' ? end.next : i + 1
      return { kind: 'block', block: { format: 'json', from, to, contentFrom: from, contentTo: i + 1 } }
    }
  }
  return { kind: 'unterminated', format: 'json', from, message: 'JSON front matter has no closing "}"' }
}
