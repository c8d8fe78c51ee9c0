const layoutPattern = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(\s*)(Z|[+-]\d{2}:?\d{2})?$/i

interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  fraction: string
  /** Minutes east of UTC, or null when the text carries no offset. */
  offset: number | null
}

interface DateLayout {
  separator: string
  hasTime: boolean
  hasSeconds: boolean
  fractionDigits: number
  offsetGap: string
  offsetForm: 'none' | 'Z' | 'colon' | 'plain'
  offset: number | null
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

function parseOffset(text: string | undefined): number | null {
  if (!text) return null
  if (text.toUpperCase() === 'Z') return 0
  const sign = text.startsWith('-') ? -1 : 1
  const digits = text.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}

function parseDate(text: string): { parts: DateParts; layout: DateLayout } | null {
  const m = layoutPattern.exec(text.trim())
  if (!m) return null
  const offsetText = m[10]
  const parts: DateParts = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[5] ?? 0), minute: Number(m[6] ?? 0), second: Number(m[7] ?? 0),
    fraction: m[8] ?? '', offset: parseOffset(offsetText),
  }
  const layout: DateLayout = {
    separator: m[4] ?? 'T', hasTime: m[5] !== undefined, hasSeconds: m[7] !== undefined, fractionDigits: (m[8]?.length ?? 1) - 1,
    offsetGap: offsetText ? (m[9] ?? '') : '',
    offsetForm: !offsetText ? 'none' : offsetText.toUpperCase() === 'Z' ? 'Z' : offsetText.includes(':') ? 'colon' : 'plain',
    offset: parseOffset(offsetText),
  }
  return { parts, layout }
}

/** The wall-clock fields of `date` at `offset` minutes east of UTC. */
function partsAt(date: Date, offset: number): DateParts {
  const shifted = new Date(date.getTime() + offset * 60_000)
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
    fraction: '.' + pad(shifted.getUTCMilliseconds(), 3), offset,
  }
}

function write(parts: DateParts, layout: DateLayout): string {
  let out = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
  if (!layout.hasTime) return out
  out += `${layout.separator}${pad(parts.hour)}:${pad(parts.minute)}`
  if (layout.hasSeconds) out += `:${pad(parts.second)}`
  if (layout.hasSeconds && layout.fractionDigits > 0) out += '.' + (parts.fraction.slice(1) + '0'.repeat(layout.fractionDigits)).slice(0, layout.fractionDigits)
  if (layout.offsetForm === 'none') return out
  const offset = parts.offset ?? layout.offset ?? 0
  if (layout.offsetForm === 'Z' && offset === 0) return out + layout.offsetGap + 'Z'
  const sign = offset < 0 ? '-' : '+'
  const hhmm = layout.offsetForm === 'plain' ? `${pad(Math.trunc(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}` : `${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return out + layout.offsetGap + sign + hhmm
}

/**
 * Writes `next` in the layout of `previous` (the date as the file has it): `"2025-02-11 17:15:27"` stays that shape,
 * a date-only value stays date-only, an offset form is kept. A `Date` is an instant: it is written at the previous
 * value's offset, or in UTC when the layout has none (what Hugo assumes without a `timeZone`). A string is taken as
 * wall-clock fields (with its own offset if it has one). Returns `next` unchanged (or ISO text for a Date) when
 * either side is not a date Folio recognises.
 */
export function formatDateLike(previous: string, next: Date | string): string {
  const before = parseDate(previous)
  if (typeof next === 'string') {
    const after = parseDate(next)
    if (!before || !after) return next
    return write(after.parts, before.layout)
  }
  if (Number.isNaN(next.getTime())) return previous
  if (!before) return next.toISOString().replace(/\.000Z$/, 'Z')
  return write(partsAt(next, before.layout.offset ?? 0), before.layout)
}
