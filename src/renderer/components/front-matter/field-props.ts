import type { FolderSchema, SchemaField, SchemaWidget } from '@shared/front-matter/schema-types'
import type { TypedNumber } from '@shared/front-matter/number-edit'
import type { FrontMatterFormat, FrontMatterValue, KeyPath } from '@shared/front-matter/types'

export type { TypedNumber }

/** What every value widget receives. `id` is the input's id (or the group's label id), which the key's label names. */
export interface WidgetProps {
  id: string
  /** The key (or `key N` for an item of a list of groups): the widget's accessible name. */
  name: string
  value: FrontMatterValue
  widget: SchemaWidget
  /** What the folder says about this key; undefined for nested keys. */
  field: SchemaField | undefined
  /** The value's source text for the raw editor; null for nested values (shown as JSON). */
  raw: string | null
  format: FrontMatterFormat
  schema: FolderSchema | null
  isReadOnly: boolean
  /** The ids of the notes that describe the field (hint, problems). */
  describedBy?: string
  /** `typed`: a number's text as typed, when a double may not hold it (12345678901234567890): it is written as is. */
  onValue: (value: FrontMatterValue, typed?: TypedNumber) => void
  /**
   * The source text of a number inside this value (`at` as in TypedNumber) that a double does not hold, else null:
   * a nested 12345678901234567890 is shown as written, not as the rounded double (top-level values use `raw`).
   */
  numberTextAt?: (at: KeyPath) => string | null
}

/** A scalar value as the text an input shows; empty for null and for values that are not scalars. */
export function scalarText(value: FrontMatterValue): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** Widgets that are a group of controls: the key labels the group rather than one input. */
export function isGroupWidget(widget: SchemaWidget): boolean {
  return widget === 'multi-select' || widget === 'object' || widget === 'objects'
}

/** An id made safe for HTML from a key (any characters). */
export function idSafe(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`)
}
