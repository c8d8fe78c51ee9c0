import type { FrontMatterBlock, FrontMatterValue } from '@shared/front-matter'
import { scanPlainYaml } from '@shared/front-matter/yaml-fast'

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
// NOTE: TOML treats control characters specially (or refuses them); the full parser decides.
// eslint-disable-next-line no-control-regex
const controlChar = /[\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029\ufeff]/

const keepSummary = (lowerKey: string): boolean => wanted.has(lowerKey)

function isStringList(value: FrontMatterValue): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * The summary keys of a YAML block the one fast scanner (scanPlainYaml) reads, as the index keeps them: strings with
 * their source text, booleans, lists of strings. Null when the block is not plain and clean, or a summary key holds
 * anything else (a number title, a null): the full parser then reads it.
 */
export function scanYamlBlock(text: string, block: FrontMatterBlock): ScannedFields | null {
  const entries = scanPlainYaml(text, block.contentFrom, block.contentTo, keepSummary)
  if (entries === null) return null
  const out: ScannedFields = {}
  for (const e of entries) {
    const value = e.value
    if (value === undefined) continue
    const key = e.key.toLowerCase() as keyof ScannedFields
    if (typeof value === 'string') out[key] = { kind: 'string', value, source: text.slice(e.valueFrom, e.valueTo) }
    else if (typeof value === 'boolean') out[key] = { kind: 'boolean', value }
    else if (isStringList(value)) out[key] = { kind: 'list', value }
    else return null
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
