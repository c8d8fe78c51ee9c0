import { scalarText, type FieldProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

/** A single-line text input for a string (or date, kept as the text written in the file). */
export function TextField({ id, field, isReadOnly, onChange }: FieldProps) {
  const value = scalarText(field.value)
  const [draft, setDraft] = useFieldDraft(value, (d, v) => d === v)
  return (
    <input
      id={id}
      type="text"
      className={field.kind === 'date' ? 'field-input field-date' : 'field-input'}
      value={draft}
      readOnly={isReadOnly}
      placeholder={field.value === null ? '(empty)' : undefined}
      spellCheck={field.kind !== 'date'}
      onChange={(e) => {
        setDraft(e.target.value)
        onChange(field.key, e.target.value)
      }}
    />
  )
}
