/** How a syntax writes comments, for skipping them: YAML's `#` after a space, TOML's `#` anywhere, none in JSON. */
export type CommentStyle = 'yaml' | 'toml' | 'none'

/**
 * The offset of the innermost `[` or `{` still open at `pos` in `source`, or -1. Quoted strings (TOML's triple
 * quotes too) and comments are skipped, so brackets inside them do not count. Used to report an unclosed list at
 * the line where it opens rather than where the parser gave up.
 */
export function unclosedBracket(source: string, pos: number, comments: CommentStyle): number {
  const open: number[] = []
  const end = Math.min(pos, source.length)
  for (let i = 0; i < end; i++) {
    const c = source[i]
    if (c === '"' || c === "'") i = stringEnd(source, i, end, comments === 'toml')
    else if (c === '#' && comments !== 'none' && (comments === 'toml' || i === 0 || /\s/.test(source[i - 1] ?? ''))) {
      while (i < end && source[i] !== '\n') i++
    } else if (c === '[' || c === '{') open.push(i)
    else if (c === ']' || c === '}') open.pop()
  }
  return open[open.length - 1] ?? -1
}

/** The offset of the closing quote of the string opening at `from` (or of the line break / `end` if unclosed). */
function stringEnd(source: string, from: number, end: number, hasTriple: boolean): number {
  const q = source[from] ?? '"'
  if (hasTriple && source.startsWith(q.repeat(3), from)) {
    const close = source.indexOf(q.repeat(3), from + 3)
    return close === -1 || close >= end ? end : close + 2
  }
  let i = from + 1
  for (; i < end && source[i] !== q && source[i] !== '\n'; i++) if (q === '"' && source[i] === '\\') i++
  return i
}

/** The message for an unclosed bracket at `offset`. */
export function unclosedMessage(source: string, offset: number): string {
  const isMap = source[offset] === '{'
  return `this ${isMap ? '{' : '['} is never closed; add ${isMap ? '}' : ']'} where its ${isMap ? 'table' : 'list'} ends`
}
