import type { FieldInfo } from '../front-matter/types'
import type { HugoEntry } from './values'

/** The rulebook's entries for parsed fields of `text`: key, value and the value's source text. */
export function entriesOfFields(text: string, fields: readonly FieldInfo[]): HugoEntry[] {
  return fields.map((f) => ({ key: f.key, value: f.value, source: text.slice(f.valueFrom, f.valueTo) }))
}
