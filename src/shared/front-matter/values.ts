import { isIsoStyleDate } from '../hugo/date-edit'
import type { FieldKind, FrontMatterValue, KeyPath } from './types'

/** True when `value` is a string written like an ISO-style date (`2025-02-11`, `2025-02-11 17:15:27`, RFC 3339); see the rulebook. */
export function isDateString(value: string): boolean {
  return isIsoStyleDate(value) && value.trim() === value
}

/** The form input a value calls for. */
export function kindOf(value: FrontMatterValue): FieldKind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  switch (typeof value) {
    case 'string':
      return isDateString(value) ? 'date' : 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    default:
      return 'object'
  }
}

/** Structural equality of plain values (NaN equals NaN; key order ignored). */
export function valuesEqual(a: FrontMatterValue, b: FrontMatterValue): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]))
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k]))
}

/** Reads the value at `path`, or `undefined` when some step is missing. */
export function valueAt(data: FrontMatterValue, path: KeyPath): FrontMatterValue | undefined {
  let current: FrontMatterValue | undefined = data
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined
    if (Array.isArray(current)) current = typeof step === 'number' ? current[step] : undefined
    else current = typeof step === 'string' && Object.hasOwn(current, step) ? current[step] : undefined
  }
  return current
}

/** Formats a key path for messages: `params.author[0]`. */
export function formatPath(path: KeyPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

/** True when `s` holds a C0 control character or DEL; `allowed` lists ones to let through (e.g. '\n'). */
export function hasControlChar(s: string, allowed = ''): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 0x20 || c === 0x7f) && !allowed.includes(s[i] ?? '')) return true
  }
  return false
}

/** The warning at a key that a later duplicate overrides (YAML and JSON alike). */
export function duplicateMessage(key: string): string {
  return `"${key}" appears again further down; Hugo reads the last one, and Folio edits that one`
}
