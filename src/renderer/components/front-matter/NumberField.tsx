import { isExactNumberText } from '@shared/front-matter/number-literal'
import { scalarText, type WidgetProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

/** The text a number field shows: the number as written when a double does not hold it (12345678901234567890). */
function shownText(value: WidgetProps['value'], raw: string | null): string {
  if (typeof value === 'number' && raw !== null && !isExactNumberText(raw, value)) return raw
  return scalarText(value)
}

/**
 * A number input; text that is not (yet) a number is kept in the input and not written. A number a double cannot
 * hold is shown and written as typed (see setTypedNumber), never as the rounded double.
 */
export function NumberField({ id, value, raw, isReadOnly, describedBy, onValue, numberTextAt }: WidgetProps) {
  const [draft, setDraft] = useFieldDraft(shownText(value, raw ?? numberTextAt?.([]) ?? null), (d, v) => d.trim() !== '' && (d.trim() === v || (isExactNumberText(d.trim(), Number(d)) && Number(d) === Number(v))))
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
        if (e.target.value.trim() !== '' && Number.isFinite(number)) onValue(number, { text: e.target.value.trim(), at: [] })
      }}
    />
  )
}
