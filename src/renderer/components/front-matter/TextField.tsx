import { useState } from 'react'
import { scalarText, type FieldProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

const longTextKeys = new Set(['summary', 'description', 'abstract', 'excerpt', 'lead'])

/**
 * Text for a string (or a date, kept as the text written in the file). Long or multi-line values get a textarea;
 * the choice is made once per row so the widget never swaps (and steals focus) while the writer types.
 */
export function TextField({ id, field, isReadOnly, onChange }: FieldProps) {
  const value = scalarText(field.value)
  const [draft, setDraft] = useFieldDraft(value, (d, v) => d === v)
  const [isLong] = useState(() => value.includes('\n') || value.length > 120 || longTextKeys.has(field.key))
  const common = {
    id,
    value: draft,
    readOnly: isReadOnly,
    placeholder: field.value === null ? '(empty)' : undefined,
    spellCheck: field.kind !== 'date',
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value)
      onChange(field.key, e.target.value)
    },
  }
  if (isLong && field.kind !== 'date') {
    return <textarea {...common} className="field-input field-long" rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 48)))} />
  }
  return <input {...common} type="text" className={field.kind === 'date' ? 'field-input field-date' : 'field-input'} />
}
