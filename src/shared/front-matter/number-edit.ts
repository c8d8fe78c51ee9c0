import { fail, ok, type Result } from '../result'
import { changeBetween, setValue, applyChanges } from './edit'
import { isExactNumberText, isSameNumberText, writtenNumberAt } from './number-text'
import { parseForEdit } from './parse'
import type { FrontMatterFormat, KeyPath, TextChange } from './types'
import { formatPath, valuesEqual } from './values'

/**
 * A number as the user typed it, and where it sits inside the value set (`at`: [] for the value itself, member
 * keys and item indexes for a nested one), so a group's edit of a nested big integer is written as typed, not rounded.
 */
export interface TypedNumber {
  text: string
  at: KeyPath
}

/** `typed` (a number in YAML syntax, as the CLI and the form take it) spelled for `format`; null when it cannot be. */
function literalFor(typed: string, value: number, format: Exclude<FrontMatterFormat, 'none'>): string | null {
  if (format === 'yaml') return typed
  if (Number.isNaN(value)) return format === 'toml' ? 'nan' : null
  if (!Number.isFinite(value)) return format === 'toml' ? (value > 0 ? 'inf' : '-inf') : null
  const plain = typed.replace(/^\+/, format === 'json' ? '' : '+')
  return /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/.test(plain.replace(/^\+/, '')) ? plain : null
}

/**
 * True when setting `path` to the number `value` typed as `typed` must keep the typed text: the text says more than
 * the double (a big integer, a long decimal, .inf, .nan), or the number written there now does.
 */
export function needsTypedNumber(text: string, path: KeyPath, typed: string, value: number): boolean {
  if (!isExactNumberText(typed, value)) return true
  const current = writtenNumberAt(text, path)
  return current !== null && !isExactNumberText(current.source, current.value)
}

/**
 * Sets `path` to a number exactly as typed (YAML syntax: `12345678901234567890`, `.inf`), never to a rounded double:
 * [] when the number written there already says the same number (a no-op writes nothing), else the value is set as
 * setValue does and its text replaced by the typed one. INVALID_ARGUMENT when the format cannot spell it (JSON has
 * no infinity) or the result would not read back.
 */
export function setTypedNumber(text: string, path: KeyPath, typed: string, value: number): Result<TextChange[]> {
  const current = writtenNumberAt(text, path)
  if (current !== null && isSameNumberText(current.source, typed, current.value, value)) return ok([])
  const format = parseForEdit(text).block?.format ?? 'yaml'
  const literal = literalFor(typed, value, format)
  if (literal === null) return fail('INVALID_ARGUMENT', `cannot write ${typed} at ${formatPath(path)} exactly in ${format.toUpperCase()} front matter`)
  const set = setValue(text, path, value)
  if (!set.ok) return set
  const next = applyChanges(text, set.value)
  const parsed = parseForEdit(next)
  const placed = writtenNumberAt(next, path)
  if (placed === null) return fail('INVALID_ARGUMENT', `cannot write ${typed} at ${formatPath(path)} exactly in ${parsed.format.toUpperCase()} front matter`)
  const exact = next.slice(0, placed.from) + literal + next.slice(placed.to)
  const reread = parseForEdit(exact)
  if (reread.errors.length > 0 || !valuesEqual(reread.data, parsed.data)) return fail('INVALID_ARGUMENT', `cannot write ${typed} at ${formatPath(path)} exactly (it would not read back)`)
  return ok(changeBetween(text, exact))
}
