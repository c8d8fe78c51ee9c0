import { emptyValueFor, widgetFor } from '@shared/front-matter/schema-widget'
import type { FrontMatterValue } from '@shared/front-matter/types'
import type { WidgetProps } from './field-props'
import { FieldRow } from './FieldRow'

const isRecord = (v: FrontMatterValue): v is Record<string, FrontMatterValue> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A list of mappings: one collapsible group per item ("<key> N"), with "Remove" per item and "Add item" after them. */
export function ObjectList(props: WidgetProps) {
  const { id, name, value, isReadOnly, describedBy, onValue } = props
  const items = Array.isArray(value) ? value : []
  const last = items[items.length - 1]
  const addItem = () => {
    const template: Record<string, FrontMatterValue> = {}
    if (last !== undefined && isRecord(last)) for (const [k, v] of Object.entries(last)) template[k] = emptyValueFor(widgetFor(k, v, undefined, false))
    onValue([...items, template])
  }
  return (
    <div role="group" aria-labelledby={id} aria-describedby={describedBy} className="field-group object-list">
      {items.map((item, index) => (
        <FieldRow
          key={index}
          {...props}
          id={`${id}-${index}`}
          name={`${name} ${index + 1}`}
          value={item}
          widget={widgetFor(name, item, undefined, false)}
          field={undefined}
          raw={null}
          notes={[]}
          hint={undefined}
          onValue={(next, typed) => onValue(items.map((v, i) => (i === index ? next : v)), typed && { text: typed.text, at: [index, ...typed.at] })}
          numberTextAt={(at) => props.numberTextAt?.([index, ...at]) ?? null}
          actions={
            !isReadOnly && (
              <button type="button" className="icon-button" aria-label={`Remove ${name} ${index + 1}`} title="Remove item" onClick={() => onValue(items.filter((_, i) => i !== index))}>
                ✕
              </button>
            )
          }
        />
      ))}
      {!isReadOnly && (
        <button type="button" className="text-button" onClick={addItem}>
          Add item to {name}
        </button>
      )}
    </div>
  )
}
