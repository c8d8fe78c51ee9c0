import type { WidgetProps } from './field-props'
import { choicesOf } from './SelectField'

/** A group of checkboxes over a small closed set; checking appends, unchecking removes, other items keep their order. */
export function MultiSelectField(props: WidgetProps) {
  const { id, value, isReadOnly, describedBy, onValue } = props
  const values = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  const choices = [...values, ...choicesOf(props).filter((c) => !values.includes(c))]
  return (
    <div role="group" aria-labelledby={id} aria-describedby={describedBy} className="multi-select">
      {choices.map((choice) => (
        <label key={choice} className="multi-option">
          <input
            type="checkbox"
            checked={values.includes(choice)}
            disabled={isReadOnly}
            onChange={(e) => onValue(e.target.checked ? [...values, choice] : values.filter((v) => v !== choice))}
          />
          {choice}
        </label>
      ))}
    </div>
  )
}
