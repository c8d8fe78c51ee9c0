import { scalarText, type WidgetProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

/** Single-line text, or a textarea for the `long-text` widget (chosen once per row, so it never swaps while typing). */
export function TextField({ id, value, widget, isReadOnly, describedBy, onValue }: WidgetProps) {
  const [draft, setDraft] = useFieldDraft(scalarText(value), (d, v) => d === v)
  const common = {
    id,
    value: draft,
    readOnly: isReadOnly,
    placeholder: value === null ? '(empty)' : undefined,
    'aria-describedby': describedBy,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value)
      onValue(e.target.value)
    },
  }
  if (widget === 'long-text') {
    return <textarea {...common} className="field-input field-long" rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 48)))} />
  }
  return <input {...common} type="text" className="field-input" />
}
