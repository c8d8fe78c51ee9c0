import type { FieldProps } from './field-props'

/** A checkbox for a true/false value. */
export function BooleanField({ id, field, isReadOnly, onChange }: FieldProps) {
  return (
    <input
      id={id}
      type="checkbox"
      className="field-checkbox"
      checked={field.value === true}
      disabled={isReadOnly}
      onChange={(e) => onChange(field.key, e.target.checked)}
    />
  )
}
