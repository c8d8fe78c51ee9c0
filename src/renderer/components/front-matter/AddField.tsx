import { useState } from 'react'
import { writeDateLike } from '@shared/front-matter'
import { hugoReservedKeys } from '@shared/front-matter/schema-hugo'
import { emptyValueFor, widgetFor } from '@shared/front-matter/schema-widget'
import type { FolderSchema, SchemaField } from '@shared/front-matter/schema-types'
import type { FrontMatterValue } from '@shared/front-matter/types'

/** Props of the "Add field" control. `onAdd` answers an error message, or null when the key was added. */
export interface AddFieldProps {
  id: string
  existing: readonly string[]
  schema: FolderSchema | null
  onAdd: (key: string, value: FrontMatterValue) => string | null
}

/** A suggestion: a key used elsewhere in the folder ("from N articles") or one of Hugo's reserved keys. */
export interface KeySuggestion {
  key: string
  hint: string
}

/** Keys to suggest: the folder's (most used first) then Hugo's reserved ones, without those the article has. */
export function keySuggestions(schema: FolderSchema | null, existing: readonly string[]): KeySuggestion[] {
  const has = new Set(existing.map((k) => k.toLowerCase()))
  const out: KeySuggestion[] = []
  for (const f of schema?.fields ?? []) {
    if (has.has(f.key.toLowerCase())) continue
    has.add(f.key.toLowerCase())
    out.push({ key: f.key, hint: f.count > 0 ? `from ${f.count} articles` : (f.explicit?.description ?? `declared in ${f.explicit?.source ?? 'schema'}`) })
  }
  for (const [key, hint] of Object.entries(hugoReservedKeys)) {
    if (has.has(key.toLowerCase())) continue
    out.push({ key, hint: `Hugo: ${hint}` })
  }
  return out
}

/** The value a new field starts with: by the folder's usual widget; a date is now, in the folder's usual layout. */
export function initialValueFor(key: string, field: SchemaField | undefined, now = new Date()): FrontMatterValue {
  const widget = widgetFor(key, undefined, field)
  const isDateKey = /^(date|lastmod|publishdate|expirydate)$/i.test(key)
  if (widget === 'date' || widget === 'datetime' || (isDateKey && !field)) {
    const layout = field?.dateLayouts[0] ?? '2006-01-02T15:04:05Z07:00'
    const example = layout.replace('Z07:00', 'Z').replace('-07:00', '+00:00').replace('-0700', '+0000')
    return writeDateLike(example, now)
  }
  return emptyValueFor(widget)
}

/** The "Add field" button; it opens a name box with suggestions (Enter adds, Escape cancels). */
export function AddField({ id, existing, schema, onAdd }: AddFieldProps) {
  const [isOpen, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    const key = name.trim()
    if (key === '') return setProblem('Type a name for the field.')
    if (existing.includes(key)) return setProblem(`${key} is already there.`)
    const error = onAdd(key, initialValueFor(key, schema?.fields.find((f) => f.key === key)))
    setProblem(error)
    if (error === null) {
      setName('')
      setOpen(false)
    }
  }
  if (!isOpen) {
    return (
      <button type="button" className="text-button add-field" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+ </span>Add field
      </button>
    )
  }
  // NOTE: only while the box is open: the form renders again for every keystroke in the front matter, and a closed
  // box needs no suggestions (a large folder's schema has hundreds of keys).
  const suggestions = keySuggestions(schema, existing)
  return (
    <div className="add-field-box">
      <label htmlFor={id} className="field-label">New field</label>
      <input
        id={id}
        // NOTE: the box opened because the writer pressed "Add field"; typing goes straight into it.
        autoFocus
        className="field-input"
        list={`${id}-keys`}
        value={name}
        placeholder="Name, e.g. description"
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            submit()
          } else if (e.key === 'Escape') setOpen(false)
        }}
      />
      <datalist id={`${id}-keys`}>
        {suggestions.map((s) => (
          <option key={s.key} value={s.key} label={s.hint} />
        ))}
      </datalist>
      <div className="add-field-actions">
        <button type="button" className="text-button" onClick={submit}>Add</button>
        <button type="button" className="text-button" onClick={() => setOpen(false)}>Cancel</button>
      </div>
      {problem && <p id={`${id}-problem`} className="field-problem">{problem}</p>}
    </div>
  )
}
