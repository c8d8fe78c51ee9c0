/** Go's time package, as far as Hugo needs it: the wall-time type, layout splitting and formatting (the parser of
 * cast's layouts is go-time-parse.ts, on the same splitting). */
/** Wall-clock fields read from a date string; `offset` in minutes east of UTC, null when the text names no offset. */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Nanoseconds, 0..999999999. */
  nanos: number
  offset: number | null
}

/** Go's month names (time.Month.String), January first: the one table the parser and the formatters share. */
export const goMonthNames: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** Go's weekday names (time.Weekday.String), Sunday first. */
export const goDayNames: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// NOTE: Go's layout elements, longest first where one starts another (`January` before `Jan`, `2006` before `2`),
// as time.nextStdChunk matches them; fractions (`.000`, `,999`) are matched apart (any length). One list serves
// the parser (cast's layouts) and the formatter (archetypes, schema templates).
const stdTokens = ['January', 'Monday', '2006', 'Z07:00', 'Z0700', '-07:00', '-0700', 'Jan', 'Mon', 'MST', '_2', '01', '02', '03', '04', '05', '06', '15', 'PM', 'pm', '1', '2', '3', '4', '5']

/** The fraction element at `i` (`.000`, `.999999999`, `,000`), or undefined: a run of 0s or 9s not followed by a digit. */
function fractionAt(layout: string, i: number): string | undefined {
  const m = /^[.,](0+|9+)(?![0-9])/.exec(layout.slice(i, i + 12))
  return m === null ? undefined : m[0]
}

/** A Go layout as literal text and std elements (marked with a leading NUL), as Go's time package splits it. */
export function tokenize(layout: string): string[] {
  const out: string[] = []
  let literal = ''
  for (let i = 0; i < layout.length; ) {
    const std = fractionAt(layout, i) ?? stdTokens.find((t) => layout.startsWith(t, i))
    if (std === undefined) {
      literal += layout[i]
      i++
      continue
    }
    if (literal !== '') out.push(literal)
    literal = ''
    out.push('\u0000' + std)
    i += std.length
  }
  if (literal !== '') out.push(literal)
  return out
}

/** A wall time whose offset is known: what the formatters need (the offset prints as `-07:00`, `Z`, `MST`). */
export type ZonedWallTime = WallTime & { offset: number }

/**
 * The wall time of `instant` at `offsetMinutes` from UTC (pass `-instant.getTimezoneOffset()` for local time), in
 * whole seconds: what an archetype's `now` and a schema template's date fields print.
 */
export function wallTimeAt(instant: Date, offsetMinutes: number): ZonedWallTime {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    nanos: 0,
    offset: offsetMinutes,
  }
}

/** 0 = Sunday. NOTE: setUTCFullYear, because Date.UTC maps the years 0-99 to 1900-1999. */
function weekdayOf(w: WallTime): number {
  const d = new Date(0)
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  return d.getUTCDay()
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

function offsetText(offset: number, separator: string, isZulu: boolean): string {
  if (isZulu && offset === 0) return 'Z'
  const abs = Math.abs(offset)
  return `${offset < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}${separator}${pad(abs % 60)}`
}

/** Go's fraction elements: `.000` prints exactly that many digits; `.999` drops trailing zeros, and the dot with them. */
function fractionText(std: string, nanos: number): string {
  const digits = String(nanos).padStart(9, '0').slice(0, std.length - 1)
  if (std[1] === '0') return std[0] + digits
  const trimmed = digits.replace(/0+$/, '')
  return trimmed === '' ? '' : std[0] + trimmed
}

/** One std element of a layout (see stdTokens) for `w`. */
function formatStd(std: string, w: ZonedWallTime): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12
  switch (std) {
    case 'January': return goMonthNames[w.month - 1] ?? ''
    case 'Monday': return goDayNames[weekdayOf(w)] ?? ''
    case 'Z07:00': return offsetText(w.offset, ':', true)
    case '-07:00': return offsetText(w.offset, ':', false)
    case 'Z0700': return offsetText(w.offset, '', true)
    case '-0700': return offsetText(w.offset, '', false)
    case '2006': return (w.year < 0 ? '-' : '') + pad(w.year, 4)
    case 'Jan': return (goMonthNames[w.month - 1] ?? '').slice(0, 3)
    case 'Mon': return (goDayNames[weekdayOf(w)] ?? '').slice(0, 3)
    case 'MST': return w.offset === 0 ? 'UTC' : offsetText(w.offset, '', false)
    case '_2': return String(w.day).padStart(2, ' ')
    case '01': return pad(w.month)
    case '02': return pad(w.day)
    case '03': return pad(hour12)
    case '04': return pad(w.minute)
    case '05': return pad(w.second)
    case '06': return pad(w.year % 100)
    case '15': return pad(w.hour)
    case 'PM': return w.hour < 12 ? 'AM' : 'PM'
    case 'pm': return w.hour < 12 ? 'am' : 'pm'
    case '1': return String(w.month)
    case '2': return String(w.day)
    case '3': return String(hour12)
    case '4': return String(w.minute)
    case '5': return String(w.second)
    default: return fractionText(std, w.nanos)
  }
}

// NOTE: layouts repeat (the index formats every article's dates with one), so each is split once.
const tokenizedFormats = new Map<string, string[]>()

/** Formats `w` with a Go time layout (`2006-01-02T15:04:05Z07:00`), split as the parser splits layouts. */
export function formatGoTime(w: ZonedWallTime, layout: string): string {
  let tokens = tokenizedFormats.get(layout)
  if (tokens === undefined) {
    tokens = tokenize(layout)
    if (tokenizedFormats.size < 64) tokenizedFormats.set(layout, tokens)
  }
  let out = ''
  for (const t of tokens) out += t.startsWith('\u0000') ? formatStd(t.slice(1), w) : t
  return out
}

/** Hugo's `.Date` in an archetype: RFC 3339 in the local offset, `Z` for UTC. */
export function rfc3339(w: ZonedWallTime): string {
  return formatGoTime(w, '2006-01-02T15:04:05Z07:00')
}

/** Go's RFC3339Nano (`2006-01-02T15:04:05.999999999Z07:00`): what Hugo's templates print for a date. */
export function formatGoRfc3339(wall: WallTime, offset: number): string {
  return formatGoTime({ ...wall, offset }, '2006-01-02T15:04:05.999999999Z07:00')
}
