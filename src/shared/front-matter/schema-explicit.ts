import type { ExplicitField, FolderSchema, SchemaWidget } from './schema-types'

/** Explicit fields by key, or a message saying why the file could not be used. */
export type ExplicitParse = { ok: true; fields: Map<string, ExplicitField> } | { ok: false; message: string }

const widgets = new Set<SchemaWidget>(['text', 'long-text', 'number', 'boolean', 'date', 'datetime', 'tags', 'select', 'multi-select', 'object', 'objects', 'raw'])

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function stringChoices(raw: unknown): string[] | undefined {
  if (!Array.isArray(raw)) return undefined
  const out: string[] = []
  for (const c of raw) {
    if (typeof c === 'string' || typeof c === 'number') out.push(String(c))
    else if (isRecord(c) && (typeof c.id === 'string' || typeof c.id === 'number')) out.push(String(c.id))
  }
  return out
}

/** Front Matter CMS field types mapped to the form's widgets; unknown types leave the choice to inference. */
function frontMatterCmsWidget(field: Record<string, unknown>): SchemaWidget | undefined {
  switch (field.type) {
    case 'string':
    case 'slug':
    case 'image':
    case 'file':
      return field.multiline === true ? 'long-text' : 'text'
    case 'number':
      return 'number'
    case 'boolean':
    case 'draft':
      return 'boolean'
    case 'datetime':
      return field.isPublishDate === true || field.dateFormat === undefined ? 'datetime' : 'date'
    case 'choice':
      return field.multiple === true ? 'multi-select' : 'select'
    case 'tags':
    case 'categories':
    case 'taxonomy':
    case 'list':
      return 'tags'
    case 'fields':
      return 'object'
    case 'block':
      return 'objects'
    case 'json':
      return 'raw'
    default:
      return undefined
  }
}

/**
 * Reads Front Matter CMS's `frontmatter.json`: the fields of every content type in
 * `frontMatter.taxonomy.contentTypes` (the first type that names a key wins). Names, types, choices, required.
 */
export function parseFrontMatterCmsConfig(json: unknown, source = 'frontmatter.json'): ExplicitParse {
  if (!isRecord(json)) return { ok: false, message: 'the file is not a JSON object' }
  const types = json['frontMatter.taxonomy.contentTypes']
  if (types === undefined) return { ok: true, fields: new Map() }
  if (!Array.isArray(types)) return { ok: false, message: '"frontMatter.taxonomy.contentTypes" is not a list' }
  const fields = new Map<string, ExplicitField>()
  for (const type of types) {
    if (!isRecord(type) || !Array.isArray(type.fields)) continue
    for (const field of type.fields) {
      if (!isRecord(field) || typeof field.name !== 'string' || fields.has(field.name)) continue
      fields.set(field.name, compact({
        widget: frontMatterCmsWidget(field),
        choices: stringChoices(field.choices),
        isRequired: field.required === true ? true : undefined,
        description: typeof field.description === 'string' ? field.description : typeof field.title === 'string' ? field.title : undefined,
        source,
      }))
    }
  }
  return { ok: true, fields }
}

/**
 * Reads Folio's own schema file (`.folio/schema.json`, see docs/schema.md):
 * `{ "fields": { "<key>": { "type": <widget>, "choices": [...], "required": true, "description": "..." } } }`.
 */
export function parseFolioSchema(json: unknown, source = '.folio/schema.json'): ExplicitParse {
  if (!isRecord(json) || !isRecord(json.fields)) return { ok: false, message: 'expected an object with a "fields" object' }
  const fields = new Map<string, ExplicitField>()
  for (const [key, spec] of Object.entries(json.fields)) {
    if (!isRecord(spec)) return { ok: false, message: `field "${key}" is not an object` }
    if (spec.type !== undefined && !widgets.has(spec.type as SchemaWidget)) {
      return { ok: false, message: `field "${key}" has unknown type ${JSON.stringify(spec.type)} (use one of ${[...widgets].join(', ')})` }
    }
    fields.set(key, compact({
      widget: spec.type as SchemaWidget | undefined,
      choices: stringChoices(spec.choices),
      isRequired: spec.required === true ? true : undefined,
      description: typeof spec.description === 'string' ? spec.description : undefined,
      source,
    }))
  }
  return { ok: true, fields }
}

/** Overlays explicit fields on an inferred schema: declared keys no article uses are added with a count of 0. */
export function withExplicitFields(schema: FolderSchema, explicit: Map<string, ExplicitField>): FolderSchema {
  const fields = schema.fields.map((f) => (explicit.has(f.key) ? { ...f, explicit: explicit.get(f.key) } : f))
  for (const [key, field] of explicit) {
    if (!schema.fields.some((f) => f.key === key)) fields.push({ key, count: 0, kinds: {}, values: [], dateLayouts: [], explicit: field })
  }
  return { ...schema, fields }
}

function compact(field: ExplicitField): ExplicitField {
  const out: ExplicitField = { source: field.source }
  if (field.widget !== undefined) out.widget = field.widget
  if (field.choices !== undefined) out.choices = field.choices
  if (field.isRequired !== undefined) out.isRequired = field.isRequired
  if (field.description !== undefined) out.description = field.description
  return out
}
