import { yaml11Warning } from '../hugo/warnings'
import type { FrontMatterValue } from './types'

/**
 * One top-level entry of a block the fast scanner read: offsets into the whole text, as the full parser gives its
 * fields (the key's start, the value's range without trailing space, the end of the entry's last line). `value` is
 * undefined for a key the caller did not ask to keep (it was only checked).
 */
export interface FastYamlEntry {
  key: string
  keyFrom: number
  valueFrom: number
  valueTo: number
  entryTo: number
  value: FrontMatterValue | undefined
}

/** Marks "not in the plain subset": the caller falls back to the full YAML parser. */
const unsupported = Symbol('unsupported')
type Scalar = FrontMatterValue | typeof unsupported

// NOTE: one regular expression per scalar shape keeps the scan cheap: a double-quoted string without escapes, a
// single-quoted one without '' escapes, and a one-line plain scalar (no indicator first, no ": " or " #", no tab,
// no leading, trailing or other odd whitespace, no control characters).
// eslint-disable-next-line no-control-regex
const doubleQuoted = /^"[^"\\\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*"$/
// eslint-disable-next-line no-control-regex
const singleQuoted = /^'[^'\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]*'$/
// eslint-disable-next-line no-control-regex
const plainScalar = /^[^-?:,[\]{}#&*!|>%@`"'\s\x00-\x1f\x7f\u0085\u2028\u2029\ufeff](?:[^\s:#\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]|:(?=[^\s])|(?<=[^\s])#| (?=[^\s#]))*$/
// NOTE: the YAML 1.2 core schema's decimal numbers; other numeric spellings (0x, 0o, .inf, .nan) go to the parser.
const coreInt = /^[-+]?[0-9]+$/
const coreFloat = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const coreWords = new Map<string, FrontMatterValue>([
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ['null', null], ['Null', null], ['NULL', null], ['~', null],
])
// NOTE: words YAML 1.1 (Hugo) reads as booleans or null where YAML 1.2 reads text; such a block is not plain.
const yaml11Words = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF'])
// NOTE: a line break other than LF, or a character Hugo's YAML reader refuses: only the full parser handles them.
// eslint-disable-next-line no-control-regex
const oddChar = /[\r\u0085\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/

/**
 * A one-line scalar as the YAML 1.2 core schema reads it, when Hugo's YAML 1.1 reader reads it the same (no `yes`,
 * `0777`, `1_000`); `unsupported` for anything else (escapes, comments, flow syntax, anchors, tags, odd numbers).
 */
function scalar(raw: string, isFlowItem: boolean): Scalar {
  const first = raw.charCodeAt(0)
  if (first === 34) return doubleQuoted.test(raw) ? raw.slice(1, -1) : unsupported
  if (first === 39) return singleQuoted.test(raw) ? raw.slice(1, -1) : unsupported
  if (!plainScalar.test(raw) || (isFlowItem && raw.includes(':'))) return unsupported
  const word = coreWords.get(raw)
  if (word !== undefined) return word
  const isNumeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46
  if (!isNumeric) return yaml11Words.has(raw) ? unsupported : raw
  const value = coreInt.test(raw) || coreFloat.test(raw) ? Number(raw) : /^[-+]?(?:0[xo]|\.)/i.test(raw) ? unsupported : raw
  if (value === unsupported || yaml11Warning(raw, value) !== null) return unsupported
  return value
}

/** A one-line flow list of scalars (`[a, "b", 3]`), or unsupported. */
function flowList(raw: string): Scalar {
  if (raw === '[]') return []
  const inner = raw.slice(1, -1)
  if (/[[\]{}'\\]/.test(inner)) return unsupported
  const items: FrontMatterValue[] = []
  for (const part of inner.split(',')) {
    const item = scalar(part.trim(), true)
    if (item === unsupported) return unsupported
    items.push(item)
  }
  return items
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45
}

function hasOddChar(text: string, from: number, to: number): boolean {
  // NOTE: tested on the block alone: a search from `from` through the whole text would also scan the body.
  return oddChar.test(text.slice(from, to))
}

/** An entry whose value is a block list still being read. */
interface OpenList {
  entry: FastYamlEntry
  items: FrontMatterValue[] | null
  indent: number
}

/**
 * THE fast YAML scanner (the index, the editor's reads and `folio check` all use it): reads `text[from, to)` when the
 * block is plain, i.e. only top-level `key: scalar` lines, `key: [flow, list]`, `key:` followed by `  - scalar`
 * items, blank lines and whole-line comments, and is "clean": no duplicate keys, no keys differing only in case, no
 * key or value Hugo's YAML 1.1 reader reads otherwise, no empty value, no anchor, alias, tag or merge key. Returns
 * null for anything else; the caller then runs the full parser. When it answers, its entries are exactly the full
 * parser's fields and the full parser would warn about nothing in the block's YAML (tests hold both to that).
 * `keep(lowerKey)` says whose values to make; the others are only checked (the index keeps a dozen keys).
 */
export function scanPlainYaml(text: string, from: number, to: number, keep: (lowerKey: string) => boolean = () => true): FastYamlEntry[] | null {
  if (hasOddChar(text, from, to)) return null
  const entries: FastYamlEntry[] = []
  const seen = new Set<string>()
  let list: OpenList | null = null
  const closeList = (): boolean => {
    // NOTE: `key:` with no items below it has no value (null): the full parser warns about it.
    if (list === null) return true
    if (list.indent === -1) return false
    if (list.items !== null) list.entry.value = list.items
    list = null
    return true
  }
  for (let at = from; at < to; ) {
    let end = text.indexOf('\n', at)
    if (end === -1 || end > to) end = to
    const lineFrom = at
    at = end + 1
    const first = text.charCodeAt(lineFrom)
    if (lineFrom === end) continue
    if (first === 35) {
      if (list !== null) return null
      continue
    }
    // NOTE: list items may sit at the key's own indentation (`tags:` then `- a`), as many Hugo sites write them.
    if (first === 32 || (first === 45 && list !== null)) {
      const line = text.slice(lineFrom, end)
      if (line.trim() === '') continue
      const item = /^( *)- (\S.*)$/.exec(line)
      if (list === null || item === null) return null
      const indent = item[1].length
      if (list.indent === -1) {
        list.indent = indent
        list.entry.valueFrom = lineFrom + indent
      }
      if (indent !== list.indent) return null
      const value = scalar(item[2], false)
      if (value === unsupported) return null
      list.items?.push(value)
      list.entry.valueTo = end
      list.entry.entryTo = end
      continue
    }
    if (!closeList() || !isKeyStart(first)) return null
    let i = lineFrom + 1
    while (i < end && isKeyChar(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) !== 58) return null
    const key = text.slice(lineFrom, i)
    const lower = key.toLowerCase()
    if (seen.has(lower) || key === '__proto__' || coreWords.has(key) || yaml11Words.has(key)) return null
    seen.add(lower)
    const isKept = keep(lower)
    const entry: FastYamlEntry = { key, keyFrom: lineFrom, valueFrom: i + 1, valueTo: i + 1, entryTo: end, value: undefined }
    entries.push(entry)
    if (i + 1 === end) {
      list = { entry, items: isKept ? [] : null, indent: -1 }
      continue
    }
    if (text.charCodeAt(i + 1) !== 32 || i + 2 === end) return null
    const raw = text.slice(i + 2, end)
    const value = raw.charCodeAt(0) === 91 && raw.endsWith(']') ? flowList(raw) : raw === '{}' ? {} : scalar(raw, false)
    if (value === unsupported) return null
    entry.valueFrom = i + 2
    entry.valueTo = end
    if (isKept) entry.value = value
  }
  return closeList() ? entries : null
}
