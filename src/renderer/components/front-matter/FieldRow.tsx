import type { ReactElement } from 'react'
import type { FieldProps } from './field-props'
import { BooleanField } from './BooleanField'
import { ChipsField } from './ChipsField'
import { NumberField } from './NumberField'
import { RawField } from './RawField'
import { TextField } from './TextField'

/** One labelled field: the `<label>` text is the key and points at the widget chosen for the value's kind. */
export function FieldRow(props: FieldProps) {
  const isRaw = isRawKind(props)
  return (
    <div className={`field-row field-${props.field.kind}`}>
      <label htmlFor={props.id} className="field-label">
        {props.field.key}
      </label>
      {widget(props, isRaw)}
      {isRaw && (
        <p id={`${props.id}-note`} className="field-note">
          Edit this value in the text for now.
        </p>
      )}
    </div>
  )
}

function isRawKind({ field }: FieldProps): boolean {
  if (field.kind === 'object') return true
  return field.kind === 'list' && !(Array.isArray(field.value) && field.value.every((v) => typeof v === 'string'))
}

function widget(props: FieldProps, isRaw: boolean): ReactElement {
  if (isRaw) return <RawField {...props} />
  switch (props.field.kind) {
    case 'number':
      return <NumberField {...props} />
    case 'boolean':
      return <BooleanField {...props} />
    case 'list':
      return <ChipsField {...props} />
    default:
      return <TextField {...props} />
  }
}
