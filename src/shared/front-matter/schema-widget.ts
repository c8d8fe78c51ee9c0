import { hugoKeyType } from '../hugo/key-types'
import type { SchemaField, SchemaWidget } from './schema-types'
import type { FrontMatterValue } from './types'
import { isDateString } from './values'

/** Keys whose values are free text even when few articles differ (never offered as a closed set). */
const freeTextKeys = new Set(['title', 'linktitle', 'description', 'summary', 'lead', 'slug', 'url', 'author', 'image', 'thumbnail', 'subtitle', 'excerpt', 'abstract'])
/** Lists that grow with the writing (taxonomies): chips with suggestions, never a closed multi-select. */
const openListKeys = new Set(['tags', 'categories', 'keywords', 'series', 'aliases', 'authors', 'topics'])
const longTextKeys = new Set(['summary', 'description', 'abstract', 'excerpt', 'lead'])

const maxChoices = 12

const isRecord = (v: FrontMatterValue): v is Record<string, FrontMatterValue> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when the folder's values for the field look like a small closed set (some value repeats, all short). */
function isClosedSet(field: SchemaField | undefined): boolean {
  const values = field?.values
  if (!field || !values || values.length === 0 || values.length > maxChoices) return false
  if (freeTextKeys.has(field.key.toLowerCase())) return false
  return values.some((v) => v.count > 1) && values.every((v) => v.value.length <= 32)
}

/** True when `value` can be shown and edited with `widget` (missing and null values fit any). */
export function fits(widget: SchemaWidget, value: FrontMatterValue | undefined): boolean {
  if (value === undefined || value === null) return true
  switch (widget) {
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'tags':
    case 'multi-select':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
    case 'objects':
      return Array.isArray(value) && value.every(isRecord)
    case 'object':
      return isRecord(value)
    case 'raw':
      return true
    default:
      return typeof value === 'string' || typeof value === 'number'
  }
}

/**
 * The widget for `value` under `key`: the explicit schema's when the value fits it, else one inferred from the
 * value and the folder (a small repeated set becomes a select, a date with a time a datetime picker). Values no
 * widget can represent get `raw`. `isTopLevel` false for a key inside a mapping (`params.draft`): Hugo's own keys
 * are top-level only, so a nested `draft` is not Hugo's draft switch.
 */
export function widgetFor(key: string, value: FrontMatterValue | undefined, field: SchemaField | undefined, isTopLevel = true): SchemaWidget {
  const explicit = field?.explicit?.widget
  if (explicit && fits(explicit, value)) return explicit
  if (field?.explicit?.choices && typeof value === 'string') return 'select'
  // NOTE: a key Hugo knows has Hugo's type when there is no value to go by, whatever the folder holds (adding
  // `draft` to a site without drafts gives a switch, never a text box).
  const known = isTopLevel && (value === undefined || value === null) ? knownWidget(key, field) : null
  if (known !== null) return known
  if (value === undefined) return inferredEmpty(field)
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'string') {
    if (isDateString(value)) return /\d[T ]\d/.test(value) ? 'datetime' : 'date'
    if (isClosedSet(field) && !value.includes('\n')) return 'select'
    return value.includes('\n') || value.length > 120 || longTextKeys.has(key.toLowerCase()) ? 'long-text' : 'text'
  }
  if (value === null) return 'text'
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return !openListKeys.has(key.toLowerCase()) && isClosedSet(field) ? 'multi-select' : 'tags'
    return value.length > 0 && value.every(isRecord) ? 'objects' : 'raw'
  }
  return 'object'
}

/** The widget for a key Hugo types itself (see the rulebook's hugoKeyType), or null. */
function knownWidget(key: string, field: SchemaField | undefined): SchemaWidget | null {
  switch (hugoKeyType(key)) {
    case 'boolean':
      return 'boolean'
    case 'number':
      return 'number'
    case 'list':
      return 'tags'
    case 'date':
      return field?.dateLayouts[0] !== undefined && !field.dateLayouts[0].includes('15') ? 'date' : 'datetime'
    default:
      return null
  }
}

/** The widget for a key not in the article yet, from what most articles hold. */
function inferredEmpty(field: SchemaField | undefined): SchemaWidget {
  if (!field) return 'text'
  const [top] = Object.entries(field.kinds).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
  switch (top?.[0]) {
    case 'boolean':
      return 'boolean'
    case 'number':
      return 'number'
    case 'date':
      return field.dateLayouts[0]?.includes('15') ? 'datetime' : 'date'
    case 'list':
      return 'tags'
    case 'object':
      return 'object'
    default:
      return isClosedSet(field) ? 'select' : 'text'
  }
}

/** A starting value for a new field with `widget`: empty text, false, 0, an empty list or mapping. */
export function emptyValueFor(widget: SchemaWidget): FrontMatterValue {
  switch (widget) {
    case 'boolean':
      return false
    case 'number':
      return 0
    case 'tags':
    case 'multi-select':
    case 'objects':
      return []
    case 'object':
      return {}
    default:
      return ''
  }
}
