import { useState } from 'react'
import { scalarText, type WidgetProps } from './field-props'
import { TextField } from './TextField'

const otherValue = '__folio-other-value__'

/** The choices for a field: the explicit schema's, else the values seen across the folder (most used first). */
export function choicesOf(props: Pick<WidgetProps, 'field'>): string[] {
  return props.field?.explicit?.choices ?? (props.field?.values ?? []).map((v) => v.value)
}

/**
 * A select over a small closed set; the current value is offered even when it is outside the set, and "Other…"
 * turns the field into a text input so a writer can type a value nobody used yet.
 */
export function SelectField(props: WidgetProps) {
  const { id, value, isReadOnly, describedBy, onValue } = props
  const [isOther, setOther] = useState(false)
  if (isOther) return <TextField {...props} widget="text" />
  const current = scalarText(value)
  const choices = choicesOf(props)
  const options = current === '' || choices.includes(current) ? choices : [current, ...choices]
  return (
    <select
      id={id}
      className="field-input field-select"
      value={current}
      disabled={isReadOnly}
      aria-describedby={describedBy}
      onChange={(e) => {
        if (e.target.value === otherValue) return setOther(true)
        onValue(typeof value === 'number' && Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : e.target.value)
      }}
    >
      {current === '' && <option value="">(none)</option>}
      {options.map((choice) => (
        <option key={choice} value={choice}>
          {choice}
        </option>
      ))}
      <option value={otherValue}>Other…</option>
    </select>
  )
}
