/** Converts an offset in `text` to a 1-based line and column (columns count UTF-16 units; a BOM counts as a column). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: end - lineStart + 1 }
}

/** The offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** The offset just after the line break ending the line that holds `offset` (or text end). A position at a line start stays. */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset
  const i = text.indexOf('\n', offset)
  return i === -1 ? text.length : i + 1
}

/** The line break the text uses (CRLF when its first line break is one). */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n')
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n'
}
