import { useState, type ReactNode } from 'react'
import type { WidgetProps } from './field-props'
import { isGroupWidget } from './field-props'
import { useStableWidget } from './use-stable-widget'
import { ValueEditor } from './ValueEditor'

/** A line under a field: a hint (muted) or a problem (shown as a warning; never blocks saving). */
export interface FieldNote {
  text: string
  isProblem: boolean
}

/** Props of a row: the widget's props plus its notes and optional actions (rename, remove). */
export interface FieldRowProps extends Omit<WidgetProps, 'describedBy'> {
  notes: FieldNote[]
  /** A short line under the key (e.g. "from 18 of 20 articles"); it also describes the input. */
  hint?: string
  actions?: ReactNode
}

/**
 * One labelled field: the label is the key. A single input is labelled with `<label for>`; a group (multi-select,
 * nested object, list of objects) is labelled by the key's element, and objects collapse from it.
 */
export function FieldRow(props: FieldRowProps) {
  const { id, name, notes, hint, actions } = props
  const widget = useStableWidget(props.widget, props.value)
  const isCollapsible = widget === 'object' || widget === 'objects'
  const [isOpen, setOpen] = useState(true)
  const notesId = notes.length > 0 ? `${id}-notes` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy = [notesId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field-row row-${widget}`}>
      <div className="field-head">
      {isCollapsible ? (
        <button type="button" id={id} className="field-label group-toggle" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          <span className="group-caret" aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
          {name}
        </button>
      ) : isGroupWidget(widget) ? (
        <span id={id} className="field-label">{name}</span>
      ) : (
        <label htmlFor={id} className="field-label">{name}</label>
      )}
        {hint && <span id={hintId} className="field-hint">{hint}</span>}
      </div>
      <div className="field-body">
        {isCollapsible && !isOpen ? (
          <p className="field-note">{summaryOf(props.value)}</p>
        ) : (
          <ValueEditor {...props} widget={widget} describedBy={describedBy} />
        )}
        {notesId && (
          <ul id={notesId} className="field-notes">
            {notes.map((note, i) => (
              <li key={i} className={note.isProblem ? 'field-problem' : 'field-note'}>
                {note.isProblem && <span aria-hidden="true">⚠ </span>}
                {note.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      {actions && <div className="field-actions">{actions}</div>}
    </div>
  )
}

function summaryOf(value: WidgetProps['value']): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`
  if (value !== null && typeof value === 'object') return Object.keys(value).join(', ')
  return ''
}
