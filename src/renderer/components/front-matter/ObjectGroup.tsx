import { widgetFor } from '@shared/front-matter/schema-widget'
import type { FrontMatterValue } from '@shared/front-matter/types'
import { idSafe, type WidgetProps } from './field-props'
import { FieldRow } from './FieldRow'

/** A nested mapping as a group of rows labelled by their keys; each edit sets the whole mapping, which the engine writes member by member. */
export function ObjectGroup(props: WidgetProps) {
  const { id, value, isReadOnly, describedBy, onValue } = props
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
  const entries = Object.entries(record)
  return (
    <div role="group" aria-labelledby={id} aria-describedby={describedBy} className="field-group">
      {entries.length === 0 && <p className="field-note">No fields.</p>}
      {entries.map(([key, member]) => (
        <FieldRow
          key={key}
          {...props}
          id={`${id}-${idSafe(key)}`}
          name={key}
          value={member}
          widget={widgetFor(key, member, undefined, false)}
          field={undefined}
          raw={null}
          notes={[]}
          hint={undefined}
          onValue={(next, typed) => onValue(withMember(record, key, next), typed && { text: typed.text, at: [key, ...typed.at] })}
          numberTextAt={(at) => props.numberTextAt?.([key, ...at]) ?? null}
          actions={
            !isReadOnly && (
              <button type="button" className="icon-button" aria-label={`Remove field ${key}`} title={`Remove ${key}`} onClick={() => onValue(withoutMember(record, key))}>
                ✕
              </button>
            )
          }
        />
      ))}
    </div>
  )
}

function withMember(record: Record<string, FrontMatterValue>, key: string, value: FrontMatterValue): Record<string, FrontMatterValue> {
  const out: Record<string, FrontMatterValue> = {}
  for (const [k, v] of Object.entries(record)) Object.defineProperty(out, k, { value: k === key ? value : v, enumerable: true, writable: true, configurable: true })
  return out
}

function withoutMember(record: Record<string, FrontMatterValue>, key: string): Record<string, FrontMatterValue> {
  const out: Record<string, FrontMatterValue> = {}
  for (const [k, v] of Object.entries(record)) if (k !== key) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  return out
}
