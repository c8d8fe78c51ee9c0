import { useState } from 'react'
import { widgetFor } from '@shared/front-matter/schema-widget'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Diagnostic, FieldInfo, FrontMatterFormat, FrontMatterValue } from '@shared/front-matter/types'
import type { TypedNumber } from './field-props'
import { countHint, notesFor } from './field-notes'
import { FieldRow } from './FieldRow'

/** Props of a top-level field row. The callbacks answer an error message, or null when the edit was made. */
export interface TopFieldRowProps {
  id: string
  field: FieldInfo
  raw: string
  format: FrontMatterFormat
  schema: FolderSchema | null
  warnings: readonly Diagnostic[]
  isReadOnly: boolean
  onChange: (key: string, value: FrontMatterValue, typed?: TypedNumber) => void
  onRemove?: (key: string) => string | null
  onRename?: (key: string, newKey: string) => string | null
  /** Source texts of the numbers a double does not hold, by JSON of their key path (see inexactNumbers). */
  inexactTexts?: ReadonlyMap<string, string>
}

/** A top-level key: its widget chosen from the value and the folder schema, notes, and Rename / Remove buttons. */
export function TopFieldRow({ id, field, raw, format, schema, warnings, isReadOnly, onChange, onRemove, onRename, inexactTexts }: TopFieldRowProps) {
  const [isRenaming, setRenaming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const schemaField = schema?.fields.find((f) => f.key === field.key)
  const notes = notesFor(field, schemaField, schema, warnings)
  if (problem) notes.unshift({ text: problem, isProblem: true })
  const run = (outcome: string | null | undefined) => setProblem(outcome ?? null)
  return (
    <>
      {isRenaming && onRename && (
        <RenameBox
          keyName={field.key}
          onDone={(next) => {
            setRenaming(false)
            if (next !== null && next !== field.key) run(onRename(field.key, next))
          }}
        />
      )}
      <FieldRow
        id={id}
        name={field.key}
        value={field.value}
        widget={widgetFor(field.key, field.value, schemaField)}
        field={schemaField}
        raw={raw}
        format={format}
        schema={schema}
        isReadOnly={isReadOnly}
        notes={notes}
        hint={countHint(schemaField, schema)}
        onValue={(value, typed) => onChange(field.key, value, typed)}
        numberTextAt={(at) => inexactTexts?.get(JSON.stringify([field.key, ...at])) ?? null}
        actions={
          !isReadOnly && (
            <>
              {onRename && (
                <button type="button" className="icon-button" aria-label={`Rename ${field.key}`} title="Rename" onClick={() => setRenaming(true)}>
                  ✎
                </button>
              )}
              {onRemove && (
                <button type="button" className="icon-button" aria-label={`Remove field ${field.key}`} title="Remove" onClick={() => run(onRemove(field.key))}>
                  ✕
                </button>
              )}
            </>
          )
        }
      />
    </>
  )
}

/** An input for a key's new name: Enter renames, Escape (or leaving it) cancels. */
function RenameBox({ keyName, onDone }: { keyName: string; onDone: (next: string | null) => void }) {
  const [text, setText] = useState(keyName)
  return (
    <div className="rename-box">
      <input
        autoFocus
        aria-label={`New name for ${keyName}`}
        className="field-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onDone(null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            onDone(text.trim() === '' ? null : text.trim())
          } else if (e.key === 'Escape') onDone(null)
        }}
      />
    </div>
  )
}
