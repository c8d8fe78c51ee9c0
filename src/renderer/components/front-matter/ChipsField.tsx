import { useState, type KeyboardEvent } from 'react'
import type { WidgetProps } from './field-props'

/**
 * A list of strings as chips: each chip is a button named by its value (Delete or Backspace removes it) with a
 * "Remove <value>" control, and an input that adds a value on Enter, suggesting values used across the folder.
 */
export function ChipsField({ id, name, value, field, isReadOnly, describedBy, onValue }: WidgetProps) {
  const values = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  const [pending, setPending] = useState('')
  const suggestions = (field?.values ?? []).map((v) => v.value).filter((v) => !values.includes(v))
  const listId = `${id}-suggestions`

  const remove = (index: number) => onValue(values.filter((_, i) => i !== index))
  const add = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Backspace' && pending === '' && values.length > 0) return remove(values.length - 1)
    if (event.key !== 'Enter' && event.key !== ',') return
    event.preventDefault()
    const next = pending.trim()
    if (next === '' || values.includes(next)) return
    onValue([...values, next])
    setPending('')
  }

  return (
    <div className="chips">
      <ul className="chip-list" aria-label={`${name} values`}>
        {values.map((chip, index) => (
          <li key={`${index}:${chip}`} className="chip">
            <button
              type="button"
              className="chip-value"
              disabled={isReadOnly}
              onKeyDown={(e) => {
                if (e.key === 'Delete' || e.key === 'Backspace') remove(index)
              }}
            >
              {chip}
            </button>
            {!isReadOnly && (
              <button type="button" className="chip-remove" aria-label={`Remove ${chip}`} onClick={() => remove(index)}>
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
        list={suggestions.length > 0 ? listId : undefined}
        value={pending}
        disabled={isReadOnly}
        aria-describedby={describedBy}
        onChange={(e) => setPending(e.target.value)}
        onKeyDown={add}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  )
}
