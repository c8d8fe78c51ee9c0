import { goDayNames, goMonthNames } from './go-time'

/** A wall-clock moment as Hugo sees it: local fields plus the offset from UTC in minutes (east positive). */
export interface WallClock {
  year: number
  /** 1-12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday */
  weekday: number
  offsetMinutes: number
}

/** The wall clock of `instant` at `offsetMinutes` from UTC (pass `-instant.getTimezoneOffset()` for local time). */
export function wallClockAt(instant: Date, offsetMinutes: number): WallClock {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  }
}

const months = goMonthNames
const days = goDayNames
const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function offset(clock: WallClock, separator: string, isZulu: boolean): string {
  if (isZulu && clock.offsetMinutes === 0) return 'Z'
  const sign = clock.offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(clock.offsetMinutes)
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`
}

// NOTE: longest tokens first, as Go's layout scanner matches them (`January` before `Jan`, `2006` before `2`).
const tokens: [string, (c: WallClock) => string][] = [
  ['January', (c) => months[c.month - 1]],
  ['Monday', (c) => days[c.weekday]],
  ['Z07:00', (c) => offset(c, ':', true)],
  ['-07:00', (c) => offset(c, ':', false)],
  ['Z0700', (c) => offset(c, '', true)],
  ['-0700', (c) => offset(c, '', false)],
  ['2006', (c) => pad(c.year, 4)],
  ['Jan', (c) => months[c.month - 1].slice(0, 3)],
  ['Mon', (c) => days[c.weekday].slice(0, 3)],
  ['MST', (c) => (c.offsetMinutes === 0 ? 'UTC' : offset(c, '', false))],
  ['_2', (c) => String(c.day).padStart(2, ' ')],
  ['01', (c) => pad(c.month)],
  ['02', (c) => pad(c.day)],
  ['03', (c) => pad(c.hour % 12 === 0 ? 12 : c.hour % 12)],
  ['04', (c) => pad(c.minute)],
  ['05', (c) => pad(c.second)],
  ['06', (c) => pad(c.year % 100)],
  ['15', (c) => pad(c.hour)],
  ['PM', (c) => (c.hour < 12 ? 'AM' : 'PM')],
  ['pm', (c) => (c.hour < 12 ? 'am' : 'pm')],
  ['1', (c) => String(c.month)],
  ['2', (c) => String(c.day)],
  ['3', (c) => String(c.hour % 12 === 0 ? 12 : c.hour % 12)],
  ['4', (c) => String(c.minute)],
  ['5', (c) => String(c.second)],
]

/** Formats `clock` with a Go time layout (`2006-01-02T15:04:05Z07:00`); fractional seconds print as zeros. */
export function formatGoTime(clock: WallClock, layout: string): string {
  let out = ''
  let i = 0
  outer: while (i < layout.length) {
    const fraction = /^[.,](0+|9+)/.exec(layout.slice(i))
    if (fraction) {
      out += fraction[1][0] === '0' ? layout[i] + fraction[1] : ''
      i += fraction[0].length
      continue
    }
    for (const [token, render] of tokens) {
      if (layout.startsWith(token, i)) {
        out += render(clock)
        i += token.length
        continue outer
      }
    }
    out += layout[i]
    i += 1
  }
  return out
}

/** Hugo's `.Date` in an archetype: RFC 3339 in the local offset, `Z` for UTC. */
export function rfc3339(clock: WallClock): string {
  return formatGoTime(clock, '2006-01-02T15:04:05Z07:00')
}
