import type { WidgetProps } from './field-props'

/** A switch for a true/false value. */
export function BooleanField({ id, value, isReadOnly, describedBy, onValue }: WidgetProps) {
  return (
    <span className="switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch-input"
        checked={value === true}
        disabled={isReadOnly}
        aria-describedby={describedBy}
        onChange={(e) => onValue(e.target.checked)}
      />
      <span className="switch-text" aria-hidden="true">{value === true ? 'true' : 'false'}</span>
    </span>
  )
}
