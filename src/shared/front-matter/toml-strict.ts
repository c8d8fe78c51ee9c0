import type { RawProblem } from './yaml-read'

/**
 * What TOML 1.0 (go-toml v2, the parser of Hugo 0.111) refuses and smol-toml (TOML 1.1) accepts, found in one pass
 * over the source: `\x` escapes, a newline, comment or trailing comma inside an inline table, and times without
 * seconds. Returns the first such fault, positioned where go-toml reports it (the escaped character, the `}` after a
 * trailing comma, the line break, the time), or null. Does not validate anything else: smol-toml runs after it.
 */
export function tomlStrictProblem(source: string): RawProblem | null {
  // NOTE: a stack of open brackets: '{' an inline table, '[' an array (a table header's brackets are skipped whole).
  const open: string[] = []
  let afterSeparator = false
  let i = 0
  let atLineStart = true
  while (i < source.length) {
    const c = source[i] ?? ''
    const inInline = open[open.length - 1] === '{'
    if (c === '\n' || c === '\r' || c === '#') {
      if (inInline) return { offset: i, message: inlineMessage(c) }
      if (c === '#') {
        const end = source.indexOf('\n', i)
        i = end === -1 ? source.length : end
        continue
      }
      atLineStart = true
      i++
      continue
    }
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (afterSeparator && c === '}') return { offset: i, message: 'an inline table ends with a comma; TOML 1.0 (what Hugo reads) refuses a trailing comma there' }
    afterSeparator = false
    if (atLineStart && open.length === 0 && c === '[') {
      // NOTE: a table header `[a.b]` / `[[a]]`: its quoted keys may hold escapes, so only strings are looked into.
      i++
      atLineStart = false
      while (i < source.length && source[i] !== '\n' && source[i] !== ']') {
        if (source[i] === '"' || source[i] === "'") {
          const s = readString(source, i)
          if ('problem' in s) return s.problem
          i = s.end
        } else i++
      }
      continue
    }
    atLineStart = false
    if (c === '"' || c === "'") {
      const s = readString(source, i)
      if ('problem' in s) return s.problem
      i = s.end
      continue
    }
    if (c === '{' || c === '[') {
      open.push(c)
      i++
      continue
    }
    if (c === '}' || c === ']') {
      open.pop()
      i++
      continue
    }
    if (c === ',') {
      afterSeparator = open[open.length - 1] === '{'
      i++
      continue
    }
    let end = i
    while (end < source.length && /[0-9A-Za-z_:.+-]/.test(source[end] ?? '')) end++
    if (end === i) {
      i++
      continue
    }
    const time = timeProblem(source, i, end)
    if (time !== null) return time
    i = end
  }
  return null
}

function inlineMessage(c: string): string {
  return c === '#'
    ? 'a comment inside an inline table { ... }; TOML 1.0 (what Hugo reads) refuses it: keep the table on one line'
    : 'an inline table { ... } spans lines; TOML 1.0 (what Hugo reads) refuses a line break there: keep it on one line or use a [table]'
}

const timeAt = /^(\d{2}):(\d{2})(:\d{2})?/
const dateTimeAt = /^\d{4}-\d{2}-\d{2}[Tt]/

/** A bare token (a key or a value) that is a time, or a date-time, whose time has no seconds. */
function timeProblem(source: string, from: number, to: number): RawProblem | null {
  const token = source.slice(from, to)
  const timeFrom = dateTimeAt.test(token) ? 11 : /^\d{2}:/.test(token) ? 0 : -1
  if (timeFrom === -1) return null
  const m = timeAt.exec(token.slice(timeFrom))
  if (m === null || m[3] !== undefined) return null
  return { offset: from + timeFrom, message: `the time ${m[0]} has no seconds; TOML 1.0 (what Hugo reads) needs HH:MM:SS, write ${m[0]}:00` }
}

// NOTE: go-toml v2 as Hugo 0.111 vendors it also reads `\e` (recorded: t-err-e-escape builds), not `\x`.
const basicEscapes = new Set(['b', 't', 'n', 'f', 'r', 'e', '"', '\\', 'u', 'U'])

/** Skips a string starting at `from` (any of the four kinds), checking a basic string's escapes against TOML 1.0. */
function readString(source: string, from: number): { end: number } | { problem: RawProblem } {
  const q = source[from] ?? '"'
  const isTriple = source.startsWith(q.repeat(3), from)
  let i = from + (isTriple ? 3 : 1)
  while (i < source.length) {
    const c = source[i]
    if (isTriple ? source.startsWith(q.repeat(3), i) : c === q) {
      let end = i + (isTriple ? 3 : 1)
      // NOTE: up to two more quotes right before the closing delimiter belong to the string.
      while (isTriple && source[end] === q && end < i + 5) end++
      return { end }
    }
    if (!isTriple && c === '\n') return { end: i }
    if (c === '\\' && q === '"') {
      const next = source[i + 1] ?? ''
      const isLineEnd = isTriple && isLineEndingBackslash(source, i + 1)
      if (!basicEscapes.has(next) && !isLineEnd) {
        const hint = next === 'x' ? `; write \\u00${source.slice(i + 2, i + 4)}` : ''
        return { problem: { offset: i + 1, message: `\\${next} is not an escape in TOML 1.0 (what Hugo reads)${hint}` } }
      }
      i += 2
      continue
    }
    i++
  }
  return { end: source.length }
}

/** True when only spaces or tabs stand between `from` and the line break (a multi-line string's line-ending backslash). */
function isLineEndingBackslash(source: string, from: number): boolean {
  let j = from
  while (source[j] === ' ' || source[j] === '\t') j++
  return source[j] === '\n' || (source[j] === '\r' && source[j + 1] === '\n')
}
