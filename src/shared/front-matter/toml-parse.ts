import { parse, TomlDate, TomlError } from 'smol-toml'
import { unclosedBracket, unclosedMessage } from './brackets'
import type { FieldInfo, FrontMatterBlock, FrontMatterValue } from './types'
import { kindOf } from './values'
import { scanToml, type TomlStatement } from './toml-scan'
import { tomlStrictProblem } from './toml-strict'
import type { BlockParse } from './yaml-parse'
import type { RawProblem } from './yaml-read'

/** Parses a TOML block with smol-toml (values) and our scanner (ranges). Dates come back as written at the top level. */
export function parseTomlBlock(text: string, block: FrontMatterBlock, withDetails = true): BlockParse {
  const base = block.contentFrom
  const source = text.slice(base, block.contentTo)
  const empty: BlockParse = { data: {}, fields: [], errors: [], warnings: [] }
  // NOTE: smol-toml reads TOML 1.1; what TOML 1.0 (Hugo's go-toml v2) refuses is found first, and the earlier of
  // the two problems is the one reported, as a single parser would.
  const strict = tomlStrictProblem(source)
  let raw: Record<string, unknown>
  try {
    raw = parse(source, { integersAsBigInt: 'asNeeded' })
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const offset = offsetOf(source, error.line, error.column)
    if (strict !== null && strict.offset <= offset) return { ...empty, errors: [{ offset: base + strict.offset, message: strict.message }] }
    const raw = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML'
    // NOTE: a key or table header where a list's comma was expected: the list above was never closed; say so there.
    const bracket = raw.startsWith('expected comma or end of structure') && /^[ \t]*(?:[A-Za-z0-9_"'-][^=\n]*=|\[)/.test(source.slice(offset)) ? unclosedBracket(source, offset, 'toml') : -1
    if (bracket !== -1) return { ...empty, errors: [{ offset: base + bracket, message: unclosedMessage(source, bracket) }] }
    // NOTE: smol-toml reports an unclosed string as a control character (the line break) inside it.
    const isUnclosed = raw.includes('control characters') && (source[offset] === '\n' || source[offset] === '\r' || offset >= source.length)
    return { ...empty, errors: [{ offset: base + offset, message: isUnclosed ? 'a string is not closed before the end of its line' : raw }] }
  }
  if (strict !== null) return { ...empty, errors: [{ offset: base + strict.offset, message: strict.message }] }
  const outOfRange = firstOutOfRange(raw)
  if (outOfRange !== null) return { ...empty, errors: [{ offset: base + literalOffset(source, outOfRange), message: `${outOfRange} is beyond a 64-bit integer; Hugo refuses it (quote it to keep it as text)` }] }
  const data = toPlain(raw) as Record<string, FrontMatterValue>
  const statements = scanToml(source)
  for (const s of statements) {
    if (s.kind === 'pair' && s.table.length === 0 && s.key.length === 1 && data[s.key[0] ?? ''] !== undefined) {
      const key = s.key[0] ?? ''
      if (raw[key] instanceof TomlDate) data[key] = source.slice(s.valueFrom, s.valueTo)
    }
  }
  if (!withDetails) return { ...empty, data }
  const fields = tomlFields(source, statements, data).map((f) => ({
    ...f,
    entryFrom: f.entryFrom + base,
    entryTo: f.entryTo + base,
    valueFrom: f.valueFrom + base,
    valueTo: f.valueTo + base,
  }))
  return { data, fields, errors: [], warnings: caseWarnings(fields) }
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const i = source.indexOf('\n', offset)
    if (i === -1) break
    offset = i + 1
  }
  return Math.min(source.length, offset + Math.max(0, column - 1))
}

const int64Min = -(2n ** 63n)
const int64Max = 2n ** 63n - 1n

/** The first integer (read as a BigInt because a double cannot hold it) outside go-toml's int64, or null. */
function firstOutOfRange(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value < int64Min || value > int64Max ? value : null
  if (value === null || typeof value !== 'object' || value instanceof TomlDate) return null
  for (const item of Object.values(value)) {
    const found = firstOutOfRange(item)
    if (found !== null) return found
  }
  return null
}

/** Where the integer literal for `n` is written (decimal, with or without underscores or sign); 0 if not found. */
function literalOffset(source: string, n: bigint): number {
  for (const m of source.matchAll(/(?<![\w.])[-+]?[0-9][0-9_]*(?![\w.:-])/g)) {
    if (BigInt(m[0].replace(/_/g, '')) === n) return m.index
  }
  return 0
}

// NOTE: an integer beyond 2^53 (go-toml reads int64) is kept in `data` as the nearest double; `folio get` and the
// form read its source text instead, and a no-op set of it writes nothing.
function toPlain(value: unknown): FrontMatterValue {
  if (value instanceof TomlDate) return value.toISOString()
  if (Array.isArray(value)) return value.map(toPlain)
  if (typeof value === 'bigint') return Number(value)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, FrontMatterValue> = {}
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return value as FrontMatterValue
}

/** Groups statements by their first key: a plain pair, dotted pairs, or tables (`[params]`, `[params.x]`). */
function tomlFields(source: string, statements: TomlStatement[], data: Record<string, FrontMatterValue>): FieldInfo[] {
  const byKey = new Map<string, FieldInfo>()
  statements.forEach((s, i) => {
    const key = s.kind === 'pair' ? (s.table[0] ?? s.key[0]) : s.key[0]
    if (key === undefined) return
    const isSimple = s.kind === 'pair' && s.table.length === 0 && s.key.length === 1
    const from = s.from
    const to = s.kind === 'pair' ? s.valueTo : sectionEnd(source, statements, i)
    const existing = byKey.get(key)
    if (existing) {
      existing.entryTo = Math.max(existing.entryTo, to)
      existing.valueTo = existing.entryTo
      return
    }
    const value = data[key] ?? null
    byKey.set(key, {
      key,
      value,
      kind: kindOf(value),
      entryFrom: from,
      entryTo: isSimple ? lineEnd(source, to) : to,
      valueFrom: isSimple && s.kind === 'pair' ? s.valueFrom : from,
      valueTo: to,
    })
  })
  return [...byKey.values()]
}

function lineEnd(source: string, pos: number): number {
  const i = source.indexOf('\n', pos)
  const end = i === -1 ? source.length : i
  return end > pos && source[end - 1] === '\r' ? end - 1 : end
}

/** The end of a table's last statement (trailing blank and comment lines belong to what follows). */
function sectionEnd(source: string, statements: TomlStatement[], index: number): number {
  let last = statements[index]
  for (let j = index + 1; j < statements.length; j++) {
    const s = statements[j]
    if (!s || s.kind === 'table') break
    last = s
  }
  if (!last) return source.length
  return last.kind === 'pair' ? last.valueTo : lineEnd(source, last.from)
}

function caseWarnings(fields: FieldInfo[]): RawProblem[] {
  const seen = new Map<string, string>()
  const out: RawProblem[] = []
  for (const f of fields) {
    const other = seen.get(f.key.toLowerCase())
    if (other !== undefined) out.push({ offset: f.entryFrom, message: `keys "${other}" and "${f.key}" differ only in case` })
    seen.set(f.key.toLowerCase(), f.key)
  }
  return out
}
