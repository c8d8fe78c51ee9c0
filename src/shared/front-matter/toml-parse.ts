import { parse, TomlDate, TomlError } from 'smol-toml'
import type { FieldInfo, FrontMatterBlock, FrontMatterValue } from './types'
import { kindOf } from './values'
import { scanToml, type TomlStatement } from './toml-scan'
import type { BlockParse } from './yaml-parse'
import type { RawProblem } from './yaml-read'

/** Parses a TOML block with smol-toml (values) and our scanner (ranges). Dates come back as written at the top level. */
export function parseTomlBlock(text: string, block: FrontMatterBlock, withDetails = true): BlockParse {
  const base = block.contentFrom
  const source = text.slice(base, block.contentTo)
  const empty: BlockParse = { data: {}, fields: [], errors: [], warnings: [] }
  let raw: Record<string, unknown>
  try {
    raw = parse(source)
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const offset = offsetOf(source, error.line, error.column)
    const raw = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML'
    // NOTE: smol-toml reports an unclosed string as a control character (the line break) inside it.
    const isUnclosed = raw.includes('control characters') && (source[offset] === '\n' || source[offset] === '\r' || offset >= source.length)
    return { ...empty, errors: [{ offset: base + offset, message: isUnclosed ? 'a string is not closed before the end of its line' : raw }] }
  }
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
