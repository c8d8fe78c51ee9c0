import { parse as parseForPatch, patch } from '@decimalturn/toml-patch'
import { fail, ok, type Result } from '../result'
import { lineEndAfter, lineStartAt } from './text-position'
import { renderToml, tomlKey } from './toml-render'
import { scanToml, type TomlStatement } from './toml-scan'
import type { FrontMatterValue, KeyPath } from './types'
import { formatPath } from './values'

type PairStatement = Extract<TomlStatement, { kind: 'pair' }>

function rootPair(statements: TomlStatement[], key: string | number | undefined): PairStatement | undefined {
  return statements.find((s): s is PairStatement => s.kind === 'pair' && s.table.length === 0 && s.key.length === 1 && s.key[0] === key)
}

function ownsKey(statements: TomlStatement[], key: string): boolean {
  return statements.some((s) => (s.kind === 'table' ? s.key[0] === key : s.table[0] === key || (s.table.length === 0 && s.key[0] === key)))
}

/**
 * Sets the value at `path` in TOML block content. Top-level keys are edited over their value's text only; deeper
 * paths go through toml-patch (the caller keeps only the changed span and checks that it reads back).
 */
export function tomlSet(source: string, path: KeyPath, value: FrontMatterValue): Result<string> {
  if (value === null || containsNull(value)) return fail('INVALID_ARGUMENT', 'TOML has no null value; remove the key instead')
  const statements = scanToml(source)
  const key = path[0]
  if (path.length === 1 && typeof key === 'string') {
    const pair = rootPair(statements, key)
    if (pair) {
      const text = renderToml(value, source.slice(pair.valueFrom, pair.valueTo))
      if (text !== null) return ok(source.slice(0, pair.valueFrom) + text + source.slice(pair.valueTo))
    } else if (!ownsKey(statements, key)) {
      const text = renderToml(value, '')
      if (text !== null) return ok(insertRootPair(source, statements, `${tomlKey(key)} = ${text}`))
    }
  }
  return patchPath(source, path, value)
}

/** Adds a top-level pair after the last one, before the first table (where a writer puts it). */
function insertRootPair(source: string, statements: TomlStatement[], line: string): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const firstTable = statements.findIndex((s) => s.kind === 'table')
  const roots = (firstTable === -1 ? statements : statements.slice(0, firstTable)).filter((s): s is PairStatement => s.kind === 'pair')
  const last = roots[roots.length - 1]
  const table = firstTable === -1 ? undefined : statements[firstTable]
  const at = last ? lineEndAfter(source, last.valueTo) : table ? table.from : source.length
  const lead = at > 0 && source[at - 1] !== '\n' ? eol : ''
  return source.slice(0, at) + lead + line + eol + source.slice(at)
}

/** Removes a top-level key (with the comment lines above it) or a table; deeper paths go through toml-patch. */
export function tomlUnset(source: string, path: KeyPath): Result<string> {
  const statements = scanToml(source)
  const pair = path.length === 1 ? rootPair(statements, path[0]) : undefined
  if (pair) return ok(source.slice(0, commentLinesAbove(source, lineStartAt(source, pair.from))) + source.slice(lineEndAfter(source, pair.valueTo)))
  return patchPath(source, path, undefined)
}

/** Renames a top-level key in place; other renames are refused (a table header rename would move sub-tables). */
export function tomlRename(source: string, path: KeyPath, newKey: string): Result<string> {
  const statements = scanToml(source)
  const pair = path.length === 1 ? rootPair(statements, path[0]) : undefined
  if (!pair) return fail('UNSUPPORTED', `renaming ${formatPath(path)} in TOML is only supported for top-level keys`)
  if (ownsKey(statements, newKey)) return fail('INVALID_ARGUMENT', `"${newKey}" already exists`)
  return ok(source.slice(0, pair.keyFrom) + tomlKey(newKey) + source.slice(pair.keyTo))
}

function commentLinesAbove(source: string, lineStart: number): number {
  let from = lineStart
  while (from > 0) {
    const prev = lineStartAt(source, from - 1)
    if (!source.slice(prev, from).trimStart().startsWith('#')) break
    from = prev
  }
  return from
}

function containsNull(value: FrontMatterValue): boolean {
  if (value === null) return true
  if (typeof value !== 'object') return false
  return (Array.isArray(value) ? value : Object.values(value)).some(containsNull)
}

function patchPath(source: string, path: KeyPath, value: FrontMatterValue | undefined): Result<string> {
  const data: unknown = parseForPatch(source)
  let holder: unknown = data
  for (const step of path.slice(0, -1)) {
    const next: unknown = (holder as Record<string | number, unknown>)[step]
    if (next === undefined && value !== undefined) {
      const created = {}
      ;(holder as Record<string | number, unknown>)[step] = created
      holder = created
    } else if (next === null || typeof next !== 'object') {
      return value === undefined ? ok(source) : fail('INVALID_ARGUMENT', `${formatPath(path)}: a step on the way is not a table`)
    } else holder = next
  }
  const last = path[path.length - 1]
  if (last === undefined) return fail('INVALID_ARGUMENT', 'an empty key path addresses nothing')
  const target = holder as Record<string | number, unknown>
  if (value === undefined) {
    if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1)
    else delete target[last]
  } else target[last] = value
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  return ok(patch(source, data, { newLine: eol }))
}
