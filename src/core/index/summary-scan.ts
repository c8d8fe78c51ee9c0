import type { FrontMatterBlock } from '@shared/front-matter'
import { yamlRefusedChar } from '@shared/front-matter/yaml-parse'

/**
 * The keys the index reads, lower case (Hugo reads keys in any case): the list's own plus every key feeding Hugo's
 * draft flag and dates (see src/shared/hugo). Every other key is only checked for well-formedness.
 */
export const summaryKeys = ['title', 'date', 'lastmod', 'modified', 'draft', 'tags', 'categories', 'publishdate', 'pubdate', 'published', 'expirydate', 'unpublishdate'] as const

/** A summary key's value as the fast scanner saw it: a string with its source text, a boolean, or a list of strings. */
export type ScannedValue = { kind: 'string'; value: string; source: string } | { kind: 'boolean'; value: boolean } | { kind: 'list'; value: string[] }

/**
 * The summary keys found in a block, by lower-case key (the last of keys differing only in case wins, as in Hugo);
 * null from a scanner means "not simple enough, use the full parser".
 */
export type ScannedFields = Partial<Record<(typeof summaryKeys)[number], ScannedValue>>

const wanted = new Set<string>(summaryKeys)
// NOTE: YAML and TOML treat control characters specially (or refuse them); the full parser decides.
// eslint-disable-next-line no-control-regex
const controlChar = /[\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]/
// NOTE: plain scalars that the YAML 1.2 core schema reads as something other than a string (null, bool, numbers).
const yamlNonString = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/

// NOTE: one regular expression per shape keeps the scan cheap: a double-quoted string without escapes, a
// single-quoted one without '' escapes, and a one-line plain scalar (no indicator first, no ": " or " #", no tab,
// no leading, trailing or other odd whitespace, no control characters).
// eslint-disable-next-line no-control-regex
const doubleQuoted = /^"[^"\\\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*"$/
// eslint-disable-next-line no-control-regex
const singleQuoted = /^'[^'\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*'$/
// eslint-disable-next-line no-control-regex
const plainScalar = /^[^-?:,[\]{}#&*!|>%@`"'\s\x00-\x1f\x7f\u0085\u2028\u2029\ufeff](?:[^\s:#\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]|:(?=[^\s])|(?<=[^\s])#| (?=[^\s#]))*$/

/**
 * Reads a plain or quoted YAML scalar written in the simplest style; null when it has anything the scanner does not
 * model (escapes, comments, flow syntax, anchors, tags, multi-line or unusual whitespace).
 */
function yamlScalar(raw: string): { value: string; isPlain: boolean } | null {
  const first = raw.charCodeAt(0)
  if (first === 34) return doubleQuoted.test(raw) ? { value: raw.slice(1, -1), isPlain: false } : null
  if (first === 39) return singleQuoted.test(raw) ? { value: raw.slice(1, -1), isPlain: false } : null
  return plainScalar.test(raw) ? { value: raw, isPlain: true } : null
}

function yamlString(raw: string): ScannedValue | null {
  const scalar = yamlScalar(raw)
  if (scalar === null || (scalar.isPlain && yamlNonString.test(scalar.value))) return null
  return { kind: 'string', value: scalar.value, source: raw }
}

function yamlFlowList(raw: string): string[] | null {
  if (raw === '[]') return []
  const inner = raw.slice(1, -1)
  if (/[[\]{}'\\]/.test(inner)) return null
  const items: string[] = []
  for (const part of inner.split(',')) {
    const value = yamlString(part.trim())
    if (value === null || value.kind !== 'string') return null
    items.push(value.value)
  }
  return items
}

/** The value of one `key: value` line, null when not simple. */
function yamlInline(key: string, raw: string): ScannedValue | null | 'other' {
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const list = yamlFlowList(raw)
    return list === null ? null : { kind: 'list', value: list }
  }
  if (raw === 'true' || raw === 'false') return { kind: 'boolean', value: raw === 'true' }
  const value = yamlString(raw)
  if (value !== null) return value
  // NOTE: other keys may hold numbers or booleans in any spelling; only summary keys need their exact type.
  if (!wanted.has(key) && yamlScalar(raw) !== null) return 'other'
  return null
}

// NOTE: sticky twins of the value shapes above, for values the scanner only checks (keys it does not keep): they
// test the text in place, up to the line's LF, so no line or value string is made. Every line of a block ends with
// an LF (the closing fence follows it), and blocks holding CR, U+0085, U+2028 or U+2029 never reach them.
// eslint-disable-next-line no-control-regex
const doubleQuotedHere = /"[^"\\\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*"(?=\n)/y
// eslint-disable-next-line no-control-regex
const singleQuotedHere = /'[^'\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*'(?=\n)/y
const plainScalarHere = new RegExp(`${plainScalar.source.slice(1, -1)}(?=\\n)`, 'y')
const nonStringHere = new RegExp(`${yamlNonString.source.slice(1, -1)}(?=\\n)`, 'y')
const blankHere = /[^\S\n]*(?=\n)/y
const itemHere = /( +)- (?=[^\n])/y
const oddBreak = /[\r\u0085\u2028\u2029]/g
// NOTE: the only keys of the scanned shape that YAML reads as something other than a string.
const nonStringKeys = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

function matchesHere(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at
  return pattern.test(text)
}

/** yamlScalar(text.slice(at, lineEnd)) !== null, without the slice; `isString` also refuses plain non-strings (yamlString). */
function isScalarHere(text: string, at: number, isString: boolean): boolean {
  const first = text.charCodeAt(at)
  if (first === 34) return matchesHere(doubleQuotedHere, text, at)
  if (first === 39) return matchesHere(singleQuotedHere, text, at)
  return matchesHere(plainScalarHere, text, at) && !(isString && matchesHere(nonStringHere, text, at))
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45
}

function hasOddBreak(text: string, block: FrontMatterBlock): boolean {
  oddBreak.lastIndex = block.contentFrom
  const found = oddBreak.exec(text)
  return found !== null && found.index < block.contentTo
}

// NOTE: a character Hugo's YAML reader refuses makes the block an error, which only the full parser reports.
const refusedHere = new RegExp(yamlRefusedChar.source, 'g')

function hasRefusedChar(text: string, block: FrontMatterBlock): boolean {
  refusedHere.lastIndex = block.contentFrom
  const found = refusedHere.exec(text)
  return found !== null && found.index < block.contentTo
}

/**
 * Scans a YAML block made only of top-level `key: scalar` lines, `key:` followed by `  - scalar` items, blank lines
 * and whole-line comments. Returns null for anything else (nesting, multi-line scalars, duplicate keys, tabs...).
 * NOTE: it walks the text by character codes and makes strings only for the summary keys' values: this runs once
 * per article when a folder is indexed.
 */
export function scanYamlBlock(text: string, block: FrontMatterBlock): ScannedFields | null {
  if (hasOddBreak(text, block) || hasRefusedChar(text, block)) return null
  const out: ScannedFields = {}
  const seen = new Set<string>()
  let listKey: string | null = null
  let list: string[] | null = null
  let listIndent = -1
  for (let from = block.contentFrom; from < block.contentTo; ) {
    let to = text.indexOf('\n', from)
    if (to === -1 || to > block.contentTo) to = block.contentTo
    const at = from
    from = to + 1
    const first = text.charCodeAt(at)
    if (at === to || first === 35) continue
    if (first === 32) {
      if (matchesHere(blankHere, text, at)) continue
      if (listKey === null) return null
      itemHere.lastIndex = at
      const item = itemHere.exec(text)
      if (item === null) return null
      const indent = item[1].length
      if (listIndent === -1) listIndent = indent
      if (indent !== listIndent) return null
      const valueAt = itemHere.lastIndex
      if (list === null) {
        if (!isScalarHere(text, valueAt, true)) return null
        continue
      }
      const value = yamlString(text.slice(valueAt, to))
      if (value === null || value.kind !== 'string') return null
      list.push(value.value)
      continue
    }
    if (listKey !== null) {
      if (listIndent === -1) return null
      if (list !== null) out[listKey as keyof ScannedFields] = { kind: 'list', value: list }
      listKey = null
      list = null
    }
    if (!isKeyStart(first)) return null
    let i = at + 1
    while (i < to && isKeyChar(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) !== 58) return null
    const written = text.slice(at, i)
    if (seen.has(written) || written === '__proto__' || nonStringKeys.has(written)) return null
    seen.add(written)
    const key = wanted.has(written) ? written : written.toLowerCase()
    const isWanted = wanted.has(key)
    if (i + 1 === to) {
      // NOTE: `key:` opens a block list; only a summary key's items are kept.
      listKey = key
      list = isWanted ? [] : null
      listIndent = -1
      continue
    }
    if (text.charCodeAt(i + 1) !== 32 || i + 2 === to) return null
    const valueAt = i + 2
    if (isWanted || text.charCodeAt(valueAt) === 91) {
      const value = yamlInline(key, text.slice(valueAt, to))
      if (value === null) return null
      if (value !== 'other' && isWanted) out[key as keyof ScannedFields] = value
    } else if (!isScalarHere(text, valueAt, false)) return null
  }
  if (listKey !== null) {
    if (listIndent === -1) return null
    if (list !== null) out[listKey as keyof ScannedFields] = { kind: 'list', value: list }
  }
  return out
}

const tomlLine = /^([A-Za-z0-9_-]+) = (.*)$/

function tomlString(raw: string): ScannedValue | null {
  if (controlChar.test(raw)) return null
  const q = raw[0]
  if ((q !== '"' && q !== "'") || raw.length < 2 || !raw.endsWith(q) || raw.indexOf(q, 1) !== raw.length - 1) return null
  if (q === '"' && raw.includes('\\')) return null
  return { kind: 'string', value: raw.slice(1, -1), source: raw }
}

/**
 * Scans a TOML block made only of top-level `key = value` lines whose values are quoted strings without escapes,
 * true/false or one-line arrays of such strings. Returns null for anything else (tables, dates, numbers, comments).
 */
export function scanTomlBlock(text: string, block: FrontMatterBlock): ScannedFields | null {
  const out: ScannedFields = {}
  const seen = new Set<string>()
  const lines = text.slice(block.contentFrom, block.contentTo).split('\n')
  for (let line of lines) {
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line.trim() === '') continue
    const match = tomlLine.exec(line)
    if (match === null) return null
    const written = match[1]
    if (seen.has(written) || written === '__proto__') return null
    seen.add(written)
    const key = written.toLowerCase()
    const raw = match[2]
    let value: ScannedValue | null
    if (raw === 'true' || raw === 'false') value = { kind: 'boolean', value: raw === 'true' }
    else if (raw.startsWith('[') && raw.endsWith(']')) {
      const inner = raw.slice(1, -1).trim()
      const items: string[] = []
      if (inner !== '') {
        if (/[[\]{}#]/.test(inner)) return null
        for (const part of inner.split(',')) {
          const item = tomlString(part.trim())
          if (item === null || item.kind !== 'string' || item.value.includes(',')) return null
          items.push(item.value)
        }
      }
      value = { kind: 'list', value: items }
    } else value = tomlString(raw)
    if (value === null) return null
    if (wanted.has(key)) out[key as keyof ScannedFields] = value
  }
  return out
}

/** How many keys the objects in a parsed JSON value hold, all levels together. */
function keyCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + keyCount(item), 0)
  if (value === null || typeof value !== 'object') return 0
  let count = 0
  for (const item of Object.values(value)) count += 1 + keyCount(item)
  return count
}

/** How many string literals in JSON `source` (valid, without escapes) are keys, i.e. followed by a colon. */
function keyLiteralCount(source: string): number {
  let count = 0
  for (let open = source.indexOf('"'); open !== -1; ) {
    const close = source.indexOf('"', open + 1)
    let next = close + 1
    while (source.charCodeAt(next) === 32 || source.charCodeAt(next) === 10 || source.charCodeAt(next) === 9 || source.charCodeAt(next) === 13) next++
    if (source.charCodeAt(next) === 58) count++
    open = source.indexOf('"', close + 1)
  }
  return count
}

function jsonList(value: unknown): ScannedValue {
  if (typeof value === 'string') return { kind: 'list', value: [value] }
  const items = Array.isArray(value) ? value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String) : []
  return { kind: 'list', value: items }
}

const jsonDateKeys = new Set<string>(['date', 'lastmod', 'modified', 'publishdate', 'pubdate', 'published', 'expirydate', 'unpublishdate'])

/**
 * Reads a JSON block with the engine's JSON.parse when it is valid, holds no escapes and no duplicate keys, and its
 * dates are strings: the values then read exactly as the full parser reads them. Returns null for anything else
 * (errors, escapes, duplicates, numeric dates), which the full parser handles with positions.
 */
export function scanJsonBlock(text: string, block: FrontMatterBlock): ScannedFields | null {
  const source = text.slice(block.contentFrom, block.contentTo)
  // NOTE: a number beyond a double (1e400) is an error in Hugo; JSON.parse reads Infinity, the full parser refuses it.
  if (source.includes('\\') || /[0-9]{309}|[eE]\+?0*[0-9]{3}/.test(source)) return null
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch {
    // NOTE: the full parser reports where and why.
    return null
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null
  // NOTE: JSON.parse keeps the last of duplicate keys silently; the full parser reports them. Without escapes every
  // string literal is a plain "...", so the literals followed by a colon are exactly the keys as written.
  if (keyLiteralCount(source) !== keyCount(data)) return null
  const out: ScannedFields = {}
  const fields = data as Record<string, unknown>
  for (const written of Object.keys(fields)) {
    const key = written.toLowerCase() as keyof ScannedFields
    if (!wanted.has(key)) continue
    const value = fields[written]
    if (key === 'tags' || key === 'categories') out[key] = jsonList(value)
    else if (typeof value === 'string') out[key] = { kind: 'string', value, source: JSON.stringify(value) }
    else if (typeof value === 'boolean') out[key] = { kind: 'boolean', value }
    // NOTE: a date written as a number shows as written ("2024", "1e3"), which only the full parser keeps.
    else if (typeof value === 'number' && jsonDateKeys.has(key)) return null
  }
  return out
}
