import type { FrontMatterFormat } from './types'

// Number texts as typed and what a double keeps of them; no parser here, so the form loads it cheaply.

/** Sign, significant digits (no leading or trailing zeros) and exponent of a decimal literal; null when not one. */
function decimalParts(text: string): { sign: string; digits: string; exponent: number } | null {
  const m = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(text.replace(/_/g, ''))
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null
  const fraction = m[3] ?? ''
  let digits = (m[2] + fraction).replace(/^0+/, '')
  let exponent = Number(m[4] ?? '0') - fraction.length
  const trimmed = digits.replace(/0+$/, '')
  exponent += digits.length - trimmed.length
  digits = trimmed
  if (digits === '') return { sign: '', digits: '0', exponent: 0 }
  return { sign: m[1] === '-' ? '-' : '', digits, exponent }
}

/** A non-decimal integer literal (0x, 0o, 0b) as a bigint; null when not one. */
function radixInteger(text: string): bigint | null {
  const m = /^([-+]?)0([xob])([0-9a-fA-F_]+)$/.exec(text)
  if (m === null) return null
  try {
    const n = BigInt(`0${m[2]}${m[3].replace(/_/g, '')}`)
    return m[1] === '-' ? -n : n
  } catch {
    // NOTE: not a valid literal of that radix: not a number text this module reads.
    return null
  }
}

/**
 * True when the number text `source` (YAML, TOML or JSON syntax) says exactly what the double `value` says, so
 * printing or writing the double loses nothing the user typed: false for infinities and NaN (JSON has neither),
 * integers beyond 2^53 and decimals with more digits than a double keeps.
 */
export function isExactNumberText(source: string, value: number): boolean {
  if (!Number.isFinite(value)) return false
  const radix = radixInteger(source)
  if (radix !== null) return Number.isInteger(value) && BigInt(value) === radix
  const typed = decimalParts(source)
  const held = decimalParts(String(value).replace('e+', 'e'))
  if (typed === null || held === null) return true
  return typed.sign === held.sign && typed.digits === held.digits && typed.exponent === held.exponent
}

/** True when two number texts (any of the three syntaxes) say the same number exactly. */
export function isSameNumberText(a: string, b: string, aValue: number, bValue: number): boolean {
  if (!Number.isFinite(aValue) || !Number.isFinite(bValue)) return Object.is(aValue, bValue) || (Number.isNaN(aValue) && Number.isNaN(bValue))
  const ra = radixInteger(a) ?? exactInteger(a)
  const rb = radixInteger(b) ?? exactInteger(b)
  if (ra !== null && rb !== null) return ra === rb
  const pa = decimalParts(a)
  const pb = decimalParts(b)
  if (pa === null || pb === null) return aValue === bValue
  return pa.sign === pb.sign && pa.digits === pb.digits && pa.exponent === pb.exponent
}

function exactInteger(text: string): bigint | null {
  const m = /^([-+]?)([0-9][0-9_]*)$/.exec(text)
  if (m === null) return null
  const n = BigInt(m[2].replace(/_/g, ''))
  return m[1] === '-' ? -n : n
}

const int64Max = 2n ** 63n - 1n
const int64Min = -(2n ** 63n)
const uint64Max = 2n ** 64n - 1n

/** What Hugo 0.111 reads for a number text Folio cannot hold exactly, in words (for a warning). */
export function hugoReadsNumber(source: string, value: number, format: Exclude<FrontMatterFormat, 'none'>): string {
  if (Number.isNaN(value)) return 'Hugo reads NaN (not a number)'
  if (!Number.isFinite(value)) return `Hugo reads ${value > 0 ? '+Inf' : '-Inf'} (infinity)`
  const integer = radixInteger(source) ?? (format === 'json' ? null : exactInteger(source))
  // NOTE: Hugo's YAML reader (yaml.v2) keeps integers up to uint64 exactly; TOML (go-toml) up to int64 (beyond is
  // an error); Hugo's JSON reader reads every number as a 64-bit float.
  const fits = integer !== null && integer >= int64Min && (format === 'yaml' ? integer <= uint64Max : integer <= int64Max)
  if (fits) return `Hugo reads the exact integer ${integer.toString()}`
  return `Hugo reads the nearest 64-bit float, ${String(value)}`
}
