import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'

/** Props of a picker: a search field over a list of matches (quick open, the command palette). */
export interface PickerDialogProps<T> {
  /** The dialog's accessible name. */
  label: string
  /** The field's (visually hidden) label and placeholder. */
  inputLabel: string
  placeholder: string
  /** The listbox's accessible name. */
  listLabel: string
  /** The matches for the typed text, best first (memoised per text). */
  match: (text: string) => readonly T[]
  keyOf: (item: T) => string
  /** The option's content and, when the content alone would read badly, its accessible name. */
  render: (item: T) => ReactNode
  nameOf?: (item: T) => string
  /** Extra class of each option (the palette lays its options out in a row). */
  itemClassName?: string
  /** Called with the chosen item after the picker asked to close. */
  onChoose: (item: T) => void
  onClose: () => void
}

/**
 * A modal combobox: typing filters, Up/Down move the active option (focus stays in the field, announced through
 * aria-activedescendant), Enter or a click chooses, Escape or a click outside closes.
 */
export function PickerDialog<T>({ label, inputLabel, placeholder, listLabel, match, keyOf, render, nameOf, itemClassName, onChoose, onClose }: PickerDialogProps<T>) {
  const [text, setText] = useState('')
  const [cursor, setCursor] = useState(0)
  const baseId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => match(text), [match, text])
  useEffect(() => inputRef.current?.focus(), [])
  // NOTE: focus stays in the input (aria-activedescendant), so the browser does not scroll the chosen match into view.
  useEffect(() => {
    document.getElementById(`${baseId}-${cursor}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [baseId, cursor])
  const choose = (index: number) => {
    const item = matches[index]
    if (item === undefined) return
    onClose()
    onChoose(item)
  }
  return (
    <div className="quick-open-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-label={label} className="quick-open" onMouseDown={(e) => e.stopPropagation()}>
        <label htmlFor={`${baseId}-input`} className="visually-hidden">
          {inputLabel}
        </label>
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${baseId}-list`}
          aria-activedescendant={matches.length > 0 ? `${baseId}-${cursor}` : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setCursor(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose()
            else if (e.key === 'Enter') choose(cursor)
            else if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, matches.length - 1))
            else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0))
            else return
            e.preventDefault()
          }}
        />
        <ul id={`${baseId}-list`} role="listbox" aria-label={listLabel}>
          {matches.map((item, i) => (
            <li key={keyOf(item)} id={`${baseId}-${i}`} role="option" aria-selected={i === cursor} aria-label={nameOf?.(item)} onClick={() => choose(i)} className={itemClassName}>
              {render(item)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
