import { scalarText, type WidgetProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

/** A number input; text that is not (yet) a number is kept in the input and not written. */
export function NumberField({ id, value, isReadOnly, describedBy, onValue }: WidgetProps) {
  const [draft, setDraft] = useFieldDraft(scalarText(value), (d, v) => d.trim() !== '' && Number(d) === Number(v))
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="field-input field-number"
      value={draft}
      readOnly={isReadOnly}
      aria-describedby={describedBy}
      onChange={(e) => {
        setDraft(e.target.value)
        const number = Number(e.target.value)
        if (e.target.value.trim() !== '' && Number.isFinite(number)) onValue(number)
      }}
    />
  )
}
