import type { FrontMatterValue } from '../front-matter/types'
import { readHugoDate } from './dates'
import { hugoDateKeys } from './page'
import { hugoBool, hugoValueOf, type HugoEntry, type HugoFormat } from './values'
import { describeYaml11, readYaml11Plain, type Yaml11Value } from './yaml11'

/** A warning about one entry: where (the entry's index in the list given) and what Hugo reads instead. */
export interface HugoWarning {
  entry: number
  message: string
}

/** Keys Hugo reads as text with cast.ToString: a list or mapping there gives the empty string. */
const textKeys = new Set(['title', 'linktitle', 'description', 'summary', 'slug', 'url', 'layout', 'type', 'translationkey', 'markup'])
const switchKeys = new Set(['draft', 'headless'])

/**
 * Warnings where Hugo reads a top-level value other than a writer likely meant, each naming what Hugo reads: a date
 * it drops (the page builds without it), a draft/headless switch that is not a boolean, a list or mapping where Hugo
 * wants text. Values Hugo refuses outright are errors elsewhere, not here.
 */
export function hugoFieldWarnings(entries: readonly HugoEntry[], format: HugoFormat): HugoWarning[] {
  const out: HugoWarning[] = []
  entries.forEach((entry, i) => {
    const key = entry.key.toLowerCase()
    if (hugoDateKeys.has(key)) {
      const date = readHugoDate(entry, format, null)
      if (date.kind === 'dropped' && entry.value !== '') {
        out.push({ entry: i, message: `Hugo does not read ${shown(entry)} as a date and builds the page without one; write it like 2025-02-11 or 2025-02-11T17:15:27` })
      }
    } else if (switchKeys.has(key)) {
      const value = hugoValueOf(entry, format)
      const read = hugoBool(value, format)
      if (value.kind !== 'bool' && value.kind !== 'null' && meant(value) !== read) {
        out.push({ entry: i, message: `Hugo reads ${entry.key} ${shown(entry)} as ${String(read)}; write true or false` })
      }
    } else if (textKeys.has(key) && entry.value !== null && typeof entry.value === 'object') {
      out.push({ entry: i, message: `Hugo reads ${entry.key} as text and a ${Array.isArray(entry.value) ? 'list' : 'mapping'} gives it an empty ${entry.key}; write one value` })
    }
  })
  return out
}

const trueLike = /^(?:y|yes|on|true|t|1)$/i
const falseLike = /^(?:n|no|off|false|f|0|)$/i

/** What a writer most likely meant by a non-boolean switch value: a yes-like or no-like word or number, else unknown. */
function meant(value: ReturnType<typeof hugoValueOf>): boolean | null {
  if (value.kind === 'string') return trueLike.test(value.value.trim()) ? true : falseLike.test(value.value.trim()) ? false : null
  if (value.kind === 'int') return value.value !== 0n
  if (value.kind === 'float') return value.value !== 0
  return null
}

function shown(entry: HugoEntry): string {
  if (typeof entry.value === 'string') return JSON.stringify(entry.value)
  return entry.source !== undefined && entry.source.trim() !== '' ? entry.source.trim() : JSON.stringify(entry.value)
}

function sameReading(hugo: Yaml11Value, folio: FrontMatterValue): boolean {
  if (hugo.kind === 'null') return folio === null
  if (hugo.kind === 'bool' || hugo.kind === 'string') return hugo.value === folio
  if (typeof folio !== 'number') return false
  if (hugo.kind === 'float') return Object.is(hugo.value, folio) || hugo.value === folio
  // NOTE: an integer beyond 2^53 is the same number when Folio's double is its nearest one (get shows its text).
  return Number(hugo.value) === folio
}

function describeFolio(value: FrontMatterValue): string {
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : value === null ? 'nothing (null)' : typeof value === 'number' ? String(value) : JSON.stringify(value)
}

/**
 * When Hugo's YAML 1.1 reader (yaml.v2) reads the plain scalar `text` differently from Folio's YAML 1.2 reading
 * `folio` (`y`, `no`, `1_000`, `0b101`, `0777`), the warning naming what Hugo reads; null when both agree.
 */
export function yaml11Warning(text: string, folio: FrontMatterValue): string | null {
  const hugo = readYaml11Plain(text)
  if (sameReading(hugo, folio)) return null
  const fix = hugo.kind === 'bool' ? `write ${String(hugo.value)}, or quote it ("${text}") to keep the text` : `quote it ("${text}") to keep the text, or write ${describeYaml11(hugo)}`
  const why = /^[-+]?0[0-9_]+$/.test(text) ? 'a YAML 1.1 octal number' : text.includes('_') ? 'YAML 1.1 skips _ in numbers' : /^[-+]?0b/.test(text) ? 'a YAML 1.1 binary number' : 'YAML 1.1'
  return `Hugo reads ${text} as ${describeYaml11(hugo)} (${why}), not ${describeFolio(folio)}; ${fix}`
}

/** The warning for a `<<` merge key: Hugo (YAML 1.1) merges `keys` into the mapping; Folio shows `<<` as a key. */
export function mergeKeyWarning(keys: readonly string[]): string {
  const what = keys.length === 0 ? 'the merged values' : keys.map((k) => JSON.stringify(k)).join(', ')
  return `Hugo (YAML 1.1) merges ${what} into this mapping at "<<"; Folio shows "<<" as a key of its own, and edits it as one`
}

/** The warning for a `!!binary` value: Hugo decodes the base64 and reads the bytes as text. */
export function binaryWarning(base64: string): string {
  let decoded: string
  try {
    decoded = atob(base64.replace(/\s+/g, ''))
  } catch {
    // NOTE: atob throws on text that is not base64.
    return 'Hugo decodes !!binary values, and this one is not valid base64; Hugo refuses the file'
  }
  const isPrintable = /^[\x20-\x7e\n\t]*$/.test(decoded)
  return `Hugo decodes !!binary and reads the ${decoded.length} decoded bytes${isPrintable ? ` (${JSON.stringify(decoded)})` : ''}, not the base64 text Folio shows`
}
