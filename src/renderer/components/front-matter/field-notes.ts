import { hugoAliasOf } from '@shared/front-matter/schema-hugo'
import { duplicateMessage } from '@shared/front-matter/values'
import { fieldProblems, missingRequired } from '@shared/front-matter/schema-validate'
import type { FolderSchema, SchemaField } from '@shared/front-matter/schema-types'
import type { Diagnostic, FieldInfo, ParsedFrontMatter } from '@shared/front-matter/types'
import type { FieldNote } from './FieldRow'

/**
 * The notes under a top-level field: problems first (parse warnings inside the entry such as YAML 1.1 traps and
 * dates Hugo drops, then schema checks), then hints (Hugo alias, the explicit description).
 */
export function notesFor(field: FieldInfo, schemaField: SchemaField | undefined, schema: FolderSchema | null, warnings: readonly Diagnostic[]): FieldNote[] {
  const notes: FieldNote[] = []
  for (const w of warnings) if (w.offset >= field.entryFrom && w.offset < Math.max(field.entryTo, field.entryFrom + 1)) notes.push({ text: w.message, isProblem: true })
  for (const text of fieldProblems(field.key, field.value, schemaField, schema?.articleCount ?? 0)) notes.push({ text, isProblem: true })
  // NOTE: the parse warning sits at the overridden entry, outside this field; the form says it here in its own words.
  const earlier = warnings.filter((w) => w.message === duplicateMessage(field.key)).map((w) => w.line)
  if (earlier.length > 0) {
    notes.push({ text: `${field.key} is also written on line ${earlier.join(', ')}; Hugo reads this last one, and editing here changes only this one`, isProblem: false })
  }
  const alias = hugoAliasOf(field.key)
  if (alias) notes.push({ text: `Hugo reads this as ${alias}`, isProblem: false })
  if (schemaField?.explicit?.description) notes.push({ text: schemaField.explicit.description, isProblem: false })
  return notes
}

/** "from N articles" for a key the folder uses, or undefined. */
export function countHint(schemaField: SchemaField | undefined, schema: FolderSchema | null): string | undefined {
  return schema && schemaField && schemaField.count > 0 ? `from ${schemaField.count} article${schemaField.count === 1 ? '' : 's'}` : undefined
}

/**
 * Every problem the form shows for an article, one line each (`key: message`): parse errors, or else the problem
 * notes of each top-level field and the required keys missing. What the article list badges while it is edited.
 */
export function articleProblems(frontMatter: ParsedFrontMatter, schema: FolderSchema | null): string[] {
  if (frontMatter.errors.length > 0) return frontMatter.errors.map((e) => `${e.message} (line ${e.line}:${e.column})`)
  const problems: string[] = []
  for (const field of frontMatter.fields) {
    const schemaField = schema?.fields.find((f) => f.key === field.key)
    for (const note of notesFor(field, schemaField, schema, frontMatter.warnings)) if (note.isProblem) problems.push(`${field.key}: ${note.text}`)
  }
  for (const key of missingRequired(schema, frontMatter.data)) problems.push(`${key}: required`)
  return problems
}
