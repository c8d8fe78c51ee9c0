import type { FrontMatterValue } from './types'
import { hasControlChar } from './values'

const tomlDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$|^\d{2}:\d{2}:\d{2}(?:\.\d+)?$/i

/** True when `s` is a TOML date, time or datetime literal (written unquoted). */
export function isTomlDateLiteral(s: string): boolean {
  return tomlDate.test(s)
}

const escapes: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' }

/** A TOML basic string with every character TOML forbids escaped. */
export function tomlBasicString(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return '"' + s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '"'
}

/** A TOML key: bare when it may be, else a basic string. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlBasicString(key)
}

/**
 * Renders `value` as TOML in the style of `previous` (the source text it replaces, '' for a new value):
 * the same quote character, an unquoted date stays unquoted, `[ a ]` spacing kept. Fails on null, which TOML lacks.
 */
export function renderToml(value: FrontMatterValue, previous: string): string | null {
  if (value === null) return null
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan'
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
    return Number.isInteger(value) && /^[-+]?\d[\d_]*\.|e/i.test(previous) && !previous.startsWith('"') ? value.toFixed(1) : String(value)
  }
  if (typeof value === 'string') {
    // NOTE: Hugo 0.111 drops the fraction of a TOML offset date-time (it reformats it as RFC 3339 without one); such a
    // value is written as a string, which Hugo reads whole.
    const losesFraction = /\.\d+(?:Z|[+-]\d{2}:\d{2})$/i.test(value)
    if (isTomlDateLiteral(previous) && isTomlDateLiteral(value) && !losesFraction) return value
    if (previous.startsWith("'") && !previous.startsWith("'''") && !value.includes("'") && !hasControlChar(value)) return `'${value}'`
    return tomlBasicString(value)
  }
  const firstItem = /^\[\s*(["'])/.exec(previous)?.[1] ?? '"'
  if (Array.isArray(value)) {
    const isSpaced = /^\[ \S/.test(previous)
    const items: string[] = []
    for (const item of value) {
      const text = renderToml(item, typeof item === 'string' && firstItem === "'" ? "'x'" : '')
      if (text === null) return null
      items.push(text)
    }
    if (items.length === 0) return '[]'
    if (previous.includes('\n')) return multilineArray(items, previous)
    return isSpaced ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`
  }
  const entries: string[] = []
  for (const [k, v] of Object.entries(value)) {
    const text = renderToml(v, '')
    if (text === null) return null
    entries.push(`${tomlKey(k)} = ${text}`)
  }
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

/** An array written one item a line, like the multi-line array it replaces (indent, line break, trailing comma). */
function multilineArray(items: string[], previous: string): string {
  const eol = previous.includes('\r\n') ? '\r\n' : '\n'
  const indent = /\n([ \t]*)[^\s\]]/.exec(previous)?.[1] ?? '  '
  const closeIndent = /\n([ \t]*)\]$/.exec(previous)?.[1] ?? ''
  const hasTrailingComma = /,\s*\]$/.test(previous)
  return `[${eol}${items.map((i) => indent + i).join(',' + eol)}${hasTrailingComma ? ',' : ''}${eol}${closeIndent}]`
}
