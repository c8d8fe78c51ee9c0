import { hugoAliasOf } from '@shared/front-matter/schema-hugo'
import { fieldProblems } from '@shared/front-matter/schema-validate'
import type { FolderSchema, SchemaField } from '@shared/front-matter/schema-types'
import type { Diagnostic, FieldInfo } from '@shared/front-matter/types'
import type { FieldNote } from './FieldRow'

/**
 * The notes under a top-level field: problems first (parse warnings inside the entry such as YAML 1.1 traps and
 * dates Hugo drops, then schema checks), then hints (Hugo alias, the explicit description).
 */
export function notesFor(field: FieldInfo, schemaField: SchemaField | undefined, schema: FolderSchema | null, warnings: readonly Diagnostic[]): FieldNote[] {
  const notes: FieldNote[] = []
  for (const w of warnings) if (w.offset >= field.entryFrom && w.offset < Math.max(field.entryTo, field.entryFrom + 1)) notes.push({ text: w.message, isProblem: true })
  for (const text of fieldProblems(field.key, field.value, schemaField, schema?.articleCount ?? 0)) notes.push({ text, isProblem: true })
  const alias = hugoAliasOf(field.key)
  if (alias) notes.push({ text: `Hugo reads this as ${alias}`, isProblem: false })
  if (schemaField?.explicit?.description) notes.push({ text: schemaField.explicit.description, isProblem: false })
  return notes
}

/** "from N articles" for a key the folder uses, or undefined. */
export function countHint(schemaField: SchemaField | undefined, schema: FolderSchema | null): string | undefined {
  return schema && schemaField && schemaField.count > 0 ? `from ${schemaField.count} article${schemaField.count === 1 ? '' : 's'}` : undefined
}
