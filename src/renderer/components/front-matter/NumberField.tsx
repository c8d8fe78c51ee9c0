import { scalarText, type FieldProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

/** A number input; text that is not (yet) a number is kept in the input and not written. */
export function NumberField({ id, field, isReadOnly, onChange }: FieldProps) {
  const [draft, setDraft] = useFieldDraft(scalarText(field.value), (d, v) => d.trim() !== '' && Number(d) === Number(v))
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="field-input field-number"
      value={draft}
      readOnly={isReadOnly}
      onChange={(e) => {
        setDraft(e.target.value)
        const number = Number(e.target.value)
        if (e.target.value.trim() !== '' && Number.isFinite(number)) onChange(field.key, number)
      }}
    />
  )
}
