import type { FieldProps } from './field-props'

/** Shows a value the form cannot edit yet (nested object, mixed list) as its source text, read-only. */
export function RawField({ id, field, raw }: FieldProps) {
  return (
    <textarea
      id={id}
      className="field-input field-raw"
      value={raw}
      readOnly
      rows={Math.min(8, raw.split('\n').length + 1)}
      aria-describedby={`${id}-note`}
      data-kind={field.kind}
    />
  )
}
