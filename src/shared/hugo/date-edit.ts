import { zoneOffsetAt } from './time-zone'

const layoutPattern = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(\s*)(Z|[+-]\d{2}:?\d{2})?$/i

type OffsetForm = 'none' | 'Z' | 'colon' | 'plain'

/** A date written in the ISO family: its fields and the shape it is written in. */
interface Written {
  year: string
  month: string
  day: string
  separator: string | null
  hour: string
  minute: string
  second: string | null
  /** Fraction digits without the dot ('' when none). */
  fraction: string
  offsetGap: string
  offsetForm: OffsetForm
  /** Minutes east of UTC, null when none is written. */
  offset: number | null
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0
  const digits = text.slice(1).replace(':', '')
  return (text.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}

function readWritten(text: string): Written | null {
  const m = layoutPattern.exec(text.trim())
  if (m === null) return null
  const zone = m[10]
  return {
    year: m[1] ?? '', month: m[2] ?? '', day: m[3] ?? '',
    separator: m[4] ?? null, hour: m[5] ?? '00', minute: m[6] ?? '00', second: m[7] ?? null,
    fraction: (m[8] ?? '').slice(1),
    offsetGap: zone === undefined ? '' : (m[9] ?? ''),
    offsetForm: zone === undefined ? 'none' : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? 'colon' : 'plain',
    offset: zone === undefined ? null : parseOffset(zone),
  }
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

function offsetText(offset: number, form: OffsetForm): string {
  if (form === 'Z' && offset === 0) return 'Z'
  const hh = pad(Math.trunc(Math.abs(offset) / 60))
  const mm = pad(Math.abs(offset) % 60)
  return `${offset < 0 ? '-' : '+'}${hh}${form === 'plain' ? '' : ':'}${mm}`
}

/**
 * The typed date in the previous value's shape, widened where the shape would lose something typed: a time added to
 * a date-only layout (with seconds, which Hugo needs), seconds, more fraction digits, an offset. The typed wall
 * time is kept; without an offset of its own it takes the previous value's.
 */
function merge(before: Written, typed: Written): string {
  const hasTime = before.separator !== null || typed.separator !== null
  let out = `${typed.year}-${typed.month}-${typed.day}`
  if (!hasTime) return out
  out += `${before.separator ?? typed.separator ?? 'T'}${typed.hour}:${typed.minute}`
  // NOTE: a time added to a date-only layout gets seconds: Hugo reads no `2006-01-02 15:04` layout.
  const hasSeconds = before.second !== null || typed.second !== null || before.separator === null
  if (hasSeconds) out += `:${typed.second ?? '00'}`
  // NOTE: trailing zeros typed (a picker's `.000`) carry no precision, so they widen nothing.
  const typedDigits = typed.fraction.replace(/0+$/, '')
  const digits = Math.max(before.fraction.length, typedDigits.length)
  if (hasSeconds && digits > 0) out += '.' + typedDigits.padEnd(digits, '0')
  const offset = typed.offset ?? before.offset
  if (offset === null) return out
  if (before.offsetForm !== 'none') return out + before.offsetGap + offsetText(offset, typed.offsetForm === 'Z' && before.offsetForm !== 'Z' ? 'colon' : before.offsetForm)
  // NOTE: an offset added to a layout without one is written as RFC 3339 does (`Z`, `+05:30`), which Hugo reads after either separator.
  return out + offsetText(offset, typed.offsetForm === 'Z' ? 'Z' : 'colon')
}

function instantIn(previous: Written | null, at: Date, timeZone: string | null): string {
  const offset = previous?.offset ?? (timeZone === null ? 0 : zoneOffsetAt(timeZone, at.getTime()))
  const d = new Date(at.getTime() + offset * 60_000)
  const ms = d.getUTCMilliseconds()
  const typed: Written = {
    year: pad(d.getUTCFullYear(), 4), month: pad(d.getUTCMonth() + 1), day: pad(d.getUTCDate()),
    separator: 'T', hour: pad(d.getUTCHours()), minute: pad(d.getUTCMinutes()), second: pad(d.getUTCSeconds()),
    fraction: ms === 0 ? '' : pad(ms, 3), offsetGap: '', offsetForm: offset === 0 ? 'Z' : 'colon', offset,
  }
  if (previous === null) return merge({ ...typed, fraction: '', offsetForm: 'none', offset: null }, typed)
  // NOTE: an instant (a picker's "now") takes the previous layout as it is: a date-only value stays a date.
  const shaped: Written = { ...typed, separator: previous.separator === null ? null : typed.separator, second: previous.second === null ? null : typed.second, fraction: typed.fraction.slice(0, previous.fraction.length), offset: previous.offsetForm === 'none' ? null : offset }
  return merge(previous, shaped)
}

/**
 * The text to write when a date value `previous` (as the file has it) is replaced by `next`: the file's layout
 * (`2025-02-11 17:15:27` stays that shape, an offset keeps its form) when the typed value fits it, widened when it
 * does not, so a typed time, seconds, fraction or offset is never dropped. A `Date` is an instant, written at the
 * previous value's offset, else in the site's `timeZone` (UTC without one), in the previous layout. A string that
 * is not an ISO-style date, or a previous value that is not one, comes back as typed.
 */
export function writeDateLike(previous: string, next: Date | string, timeZone: string | null = null): string {
  const before = readWritten(previous)
  if (typeof next !== 'string') return Number.isNaN(next.getTime()) ? previous : instantIn(before, next, timeZone)
  const typed = readWritten(next)
  if (before === null || typed === null) return next
  return merge(before, typed)
}

/** True when `text` is a date written in the ISO family that writeDateLike reshapes (`2025-02-11`, `2025-02-11 17:15:27 +0530`). */
export function isIsoStyleDate(text: string): boolean {
  return layoutPattern.test(text.trim())
}
