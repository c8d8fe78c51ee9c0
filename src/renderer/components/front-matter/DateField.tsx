import { writeDateLike } from '@shared/front-matter'
import { readDateString } from '@shared/hugo'
import { scalarText, type WidgetProps } from './field-props'
import { useFieldDraft } from './use-field-draft'

const wallClock = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?/

/**
 * A date or date-time picker beside the date as written. The picker writes back in the file's own layout and
 * quoting (writeDateLike); the note says which time zone Hugo reads the date in.
 */
export function DateField({ id, name, value, widget, schema, isReadOnly, describedBy, onValue }: WidgetProps) {
  const written = scalarText(value)
  const [draft, setDraft] = useFieldDraft(written, (d, v) => d === v)
  const m = wallClock.exec(written.trim())
  const hasTime = widget === 'datetime' || m?.[2] !== undefined
  const pickerValue = !m ? '' : hasTime ? `${m[1] ?? ''}T${m[2] ?? '00:00'}${m[3] ?? ':00'}` : (m[1] ?? '')
  return (
    <div className="date-field">
      <input
        id={id}
        type={hasTime ? 'datetime-local' : 'date'}
        step={hasTime ? 1 : undefined}
        className="field-input field-date-picker"
        value={pickerValue}
        readOnly={isReadOnly}
        aria-describedby={describedBy}
        onChange={(e) => {
          if (e.target.value === '') return
          onValue(m ? writeDateLike(written, e.target.value) : e.target.value)
        }}
      />
      <input
        type="text"
        aria-label={`${name} as written`}
        className="field-input field-date"
        spellCheck={false}
        value={draft}
        readOnly={isReadOnly}
        onChange={(e) => {
          setDraft(e.target.value)
          onValue(e.target.value)
        }}
      />
      <span className="date-zone">{zoneNote(written, schema?.siteTimeZone ?? null)}</span>
    </div>
  )
}

/** Which time zone Hugo reads the date in: its own offset, else the site's `timeZone`, else UTC. */
export function zoneNote(written: string, siteTimeZone: string | null): string {
  const parsed = readDateString(written, siteTimeZone)
  if (parsed.kind === 'dropped') return 'Hugo cannot read this date'
  const offset = /(Z|[+-]\d{2}:?\d{2})$/i.exec(written.trim())
  if (offset) return `Time zone: ${offset[1]?.toUpperCase() === 'Z' ? 'UTC' : `UTC${offset[1] ?? ''}`} (written)`
  return siteTimeZone ? `Time zone: ${siteTimeZone} (site timeZone)` : 'Time zone: UTC (Hugo default; no offset written)'
}
