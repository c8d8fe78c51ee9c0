import type { FieldInfo, FrontMatterValue } from '@shared/front-matter/types'

/** What every field widget receives. `id` is the input's id, which the key's `<label>` points to. */
export interface FieldProps {
  id: string
  field: FieldInfo
  /** The value's source text, for widgets that show it raw. */
  raw: string
  isReadOnly: boolean
  onChange: (key: string, value: FrontMatterValue) => void
}

/** A scalar value as the text an input shows; empty for null and for values that are not scalars. */
export function scalarText(value: FrontMatterValue): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}
