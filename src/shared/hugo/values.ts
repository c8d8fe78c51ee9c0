import type { FrontMatterValue } from '../front-matter/types'
import { readYaml11Plain, type Yaml11Value } from './yaml11'

/** The front-matter syntaxes Hugo reads. */
export type HugoFormat = 'yaml' | 'toml' | 'json'

/**
 * One top-level front-matter entry as the rulebook needs it: the key as written, Folio's reading of the value, and
 * the value's source text when known (it tells a YAML plain `yes` from a quoted one, a TOML date from a string).
 */
export interface HugoEntry {
  key: string
  value: FrontMatterValue
  source?: string
}

/** A value as Hugo's decoders type it: Go's bool, int (YAML, TOML), float64 (JSON numbers), string, nil or other. */
export type HugoValue = Yaml11Value | { kind: 'other'; value: FrontMatterValue } | { kind: 'tomlDate'; text: string }

/** True when `source` is a YAML plain scalar (no quotes, flow, block, tag, anchor or alias in front). */
export function isYamlPlain(source: string): boolean {
  return source !== '' && !/^["'[{|>!&*]/.test(source)
}

/** How Hugo types `entry` in `format`. */
export function hugoValueOf(entry: HugoEntry, format: HugoFormat): HugoValue {
  const { value, source } = entry
  if (format === 'yaml' && source !== undefined && (value === null || typeof value !== 'object') && isYamlPlain(source.trim())) {
    return readYaml11Plain(source.trim())
  }
  if (format === 'toml' && typeof value === 'string' && source !== undefined && /^\d/.test(source.trim())) return { kind: 'tomlDate', text: source.trim() }
  if (value === null) return { kind: 'null' }
  if (typeof value === 'boolean') return { kind: 'bool', value }
  if (typeof value === 'string') return { kind: 'string', value }
  if (typeof value === 'number') {
    const isInteger = format !== 'json' && Number.isSafeInteger(value) && !/[.eE]|inf|nan/.test(source ?? '')
    return isInteger ? { kind: 'int', value: BigInt(value) } : { kind: 'float', value }
  }
  return { kind: 'other', value }
}

const parseBoolTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])

/**
 * Hugo's cast of `draft` (and `headless`) with spf13/cast's ToBool: a bool as is, a YAML integer other than 0, a
 * string Go's strconv.ParseBool reads as true (`"true"`, `"1"`, `"t"`); everything else (JSON numbers, `"yes"`,
 * lists) is false.
 */
export function hugoBool(value: HugoValue, format: HugoFormat): boolean {
  if (value.kind === 'bool') return value.value
  // NOTE: cast 1.5 counts Go's `int` only: YAML integers; TOML's are int64 and JSON's float64, which it reads as false.
  if (value.kind === 'int') return format === 'yaml' && value.value !== 0n
  if (value.kind === 'string') return parseBoolTrue.has(value.value)
  return false
}
