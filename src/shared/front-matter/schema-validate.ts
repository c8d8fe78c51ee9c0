import { readDateString } from '../hugo/dates'
import { hugoDateKeys } from '../hugo/page'
import type { FolderSchema, SchemaField, SchemaWidget } from './schema-types'
import { fits } from './schema-widget'
import type { FieldKind, FrontMatterValue } from './types'
import { kindOf } from './values'


const kindNames: Record<FieldKind, string> = { string: 'text', date: 'a date', number: 'a number', boolean: 'true/false', null: 'empty', list: 'a list', object: 'a group of fields' }

/**
 * Problems with one value as the writer types it: not the declared type, outside the declared choices, a date
 * Hugo cannot read (for keys the parse warnings do not already cover), or a kind unlike most of the folder's.
 * Messages only: nothing here blocks saving.
 */
export function fieldProblems(key: string, value: FrontMatterValue, field: SchemaField | undefined, articleCount: number): string[] {
  const out: string[] = []
  const explicit = field?.explicit
  if (explicit?.widget && !fits(explicit.widget, value)) out.push(`${explicit.source} says this is ${widgetName(explicit.widget)}`)
  if (explicit?.choices && explicit.choices.length > 0) {
    const items = Array.isArray(value) ? value : [value]
    for (const item of items) {
      if ((typeof item === 'string' || typeof item === 'number') && item !== '' && !explicit.choices.includes(String(item))) {
        out.push(`"${String(item)}" is not one of ${explicit.choices.join(', ')}`)
      }
    }
  }
  const isDateWidget = explicit?.widget === 'date' || explicit?.widget === 'datetime'
  if (isDateWidget && !hugoDateKeys.has(key.toLowerCase()) && typeof value === 'string' && value !== '' && readDateString(value, null).kind === 'dropped') {
    out.push(`Hugo cannot read "${value}" as a date`)
  }
  if (!explicit?.widget && field) {
    const usual = usualKind(field, articleCount)
    const kind = kindOf(value)
    if (usual && kind !== 'null' && !sameFamily(kind, usual.kind)) out.push(`${usual.count} of ${field.count} articles have ${kindNames[usual.kind]} here`)
  }
  return out
}

/** Required keys (from an explicit schema) missing from `data`. */
export function missingRequired(schema: FolderSchema | null, data: Record<string, FrontMatterValue>): string[] {
  if (!schema) return []
  return schema.fields.filter((f) => f.explicit?.isRequired && !Object.hasOwn(data, f.key)).map((f) => f.key)
}

/** The kind at least 80% of at least 3 articles use for the field, if any. */
function usualKind(field: SchemaField, articleCount: number): { kind: FieldKind; count: number } | null {
  if (field.count < 3 || articleCount < 3) return null
  for (const [kind, count] of Object.entries(field.kinds) as [FieldKind, number][]) {
    if (count >= 0.8 * field.count) return { kind, count }
  }
  return null
}

function sameFamily(a: FieldKind, b: FieldKind): boolean {
  const family = (k: FieldKind): string => (k === 'date' ? 'string' : k)
  return family(a) === family(b)
}

function widgetName(widget: SchemaWidget): string {
  switch (widget) {
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true/false'
    case 'tags':
    case 'multi-select':
      return 'a list of text'
    case 'object':
      return 'a group of fields'
    case 'objects':
      return 'a list of groups'
    case 'date':
    case 'datetime':
      return 'a date'
    default:
      return 'text'
  }
}
