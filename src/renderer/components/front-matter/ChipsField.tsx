import { useState, type KeyboardEvent } from 'react'
import type { FieldProps } from './field-props'

/** A list of strings as chips: each with a "Remove <value>" button, and an input that adds one on Enter. */
export function ChipsField({ id, field, isReadOnly, onChange }: FieldProps) {
  const values = Array.isArray(field.value) ? field.value.filter((v): v is string => typeof v === 'string') : []
  const [pending, setPending] = useState('')

  const add = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    const value = pending.trim()
    if (value === '' || values.includes(value)) return
    onChange(field.key, [...values, value])
    setPending('')
  }

  return (
    <div className="chips">
      <ul className="chip-list" aria-label={`${field.key} values`}>
        {values.map((value, index) => (
          <li key={`${index}:${value}`} className="chip">
            <span className="chip-value">{value}</span>
            {!isReadOnly && (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${value}`}
                onClick={() => onChange(field.key, values.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <input
        id={id}
        type="text"
        className="field-input chip-input"
        placeholder="Add…"
        value={pending}
        disabled={isReadOnly}
        onChange={(e) => setPending(e.target.value)}
        onKeyDown={add}
      />
    </div>
  )
}
