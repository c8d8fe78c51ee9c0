import { parseCommonCastDate } from './cast-date-common'
import { goDayNames, goMonthNames, tokenize, type WallTime } from './go-time'

/** How a layout places the text in time: its own numeric offset, the site's zone, or a time of day alone (year 0). */
export type ZoneUse = 'numeric' | 'site' | 'timeOnly'

const longMonths = goMonthNames.map((m) => m.toLowerCase())
const shortMonths = longMonths.map((m) => m.slice(0, 3))
const longDays = goDayNames.map((d) => d.toLowerCase())
const shortDays = longDays.map((d) => d.slice(0, 3))
/**
 * The layouts spf13/cast 1.5 (Hugo 0.111) tries, in its order. Named zones (`MST`) are read as wall-clock time in the
 * site's zone, as cast does; a numeric offset is kept.
 */
const castLayouts: readonly (readonly [string, ZoneUse])[] = [
  ['2006-01-02T15:04:05Z07:00', 'numeric'],
  ['2006-01-02T15:04:05', 'site'],
  ['Mon, 02 Jan 2006 15:04:05 -0700', 'numeric'],
  ['Mon, 02 Jan 2006 15:04:05 MST', 'site'],
  ['02 Jan 06 15:04 -0700', 'numeric'],
  ['02 Jan 06 15:04 MST', 'site'],
  ['Monday, 02-Jan-06 15:04:05 MST', 'site'],
  ['2006-01-02 15:04:05.999999999 -0700 MST', 'numeric'],
  ['2006-01-02T15:04:05-0700', 'numeric'],
  ['2006-01-02 15:04:05Z0700', 'numeric'],
  ['2006-01-02 15:04:05', 'site'],
  ['Mon Jan _2 15:04:05 2006', 'site'],
  ['Mon Jan _2 15:04:05 MST 2006', 'site'],
  ['Mon Jan 02 15:04:05 -0700 2006', 'numeric'],
  ['2006-01-02 15:04:05Z07:00', 'numeric'],
  ['2006-01-02', 'site'],
  ['02 Jan 2006', 'site'],
  ['2006-01-02 15:04:05 -07:00', 'numeric'],
  ['2006-01-02 15:04:05 -0700', 'numeric'],
  ['3:04PM', 'timeOnly'],
  ['Jan _2 15:04:05', 'timeOnly'],
  ['Jan _2 15:04:05.000', 'timeOnly'],
  ['Jan _2 15:04:05.000000', 'timeOnly'],
  ['Jan _2 15:04:05.000000000', 'timeOnly'],
]

// NOTE: tokenized on first use: most folders' dates take the shortcut (cast-date-common), and start-up is part of a
// small folder's `folio index`.
let tokenizedLayouts: { tokens: string[]; use: ZoneUse }[] | null = null

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57

/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] | null {
  if (!isDigit(s, 0)) return null
  if (!isDigit(s, 1)) return fixed ? null : [Number(s[0]), s.slice(1)]
  return [Number(s.slice(0, 2)), s.slice(2)]
}

/** Go's skip: literal text, where a run of spaces in the layout matches a run of spaces in the value. */
function skip(value: string, prefix: string): string | null {
  let v = value
  let p = prefix
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return null
      p = p.replace(/^ +/, '')
      v = v.replace(/^ +/, '')
      continue
    }
    if (v.length === 0 || v[0] !== p[0]) return null
    p = p.slice(1)
    v = v.slice(1)
  }
  return v
}

function lookup(names: string[], value: string): [number, string] | null {
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? ''
    if (value.length >= name.length && value.slice(0, name.length).toLowerCase() === name) return [i, value.slice(name.length)]
  }
  return null
}

/** Go's parseTimeZone, for the abbreviations it accepts (UTC, 3 capitals, 4-5 ending in T); the length taken. */
function zoneNameLength(value: string): number {
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4
  let upper = 0
  while (upper < value.length && value.charCodeAt(upper) >= 65 && value.charCodeAt(upper) <= 90) upper++
  if (upper === 3) return 3
  if ((upper === 4 || upper === 5) && value[upper - 1] === 'T') return upper
  if (upper === 4 && value.startsWith('WITA')) return 4
  return 0
}

function fraction(value: string, digits: number): number {
  return Number((value.slice(0, Math.min(digits, 9)) + '000000000').slice(0, 9))
}

interface Fields extends WallTime {
  pm: 'am' | 'pm' | null
}

/** One step of Go's time.Parse for a standard chunk; the rest of the value, or null when it does not fit. */
function parseStd(element: string, value: string, f: Fields, nextStd: string | undefined): string | null {
  // NOTE: `.9…` of any length (and `,9…`) reads an optional fraction of any length, as in Go.
  const std = /^[.,]9/.test(element) ? '.999999999' : element
  switch (std) {
    case '2006':
      if (value.length < 4 || !/^\d{4}/.test(value)) return null
      f.year = Number(value.slice(0, 4))
      return value.slice(4)
    case '06':
      if (!/^\d\d/.test(value)) return null
      f.year = Number(value.slice(0, 2))
      f.year += f.year >= 69 ? 1900 : 2000
      return value.slice(2)
    case '01':
    case '02':
    case '_2':
    case '15':
    case '3':
    case '04':
    case '05': {
      const got = getnum(std === '_2' && value[0] === ' ' ? value.slice(1) : value, std === '01' || std === '02' || std === '04' || std === '05')
      if (got === null) return null
      const [n, rest] = got
      const limits: Record<string, [number, number]> = { '01': [1, 12], '02': [1, 31], _2: [1, 31], '15': [0, 23], '3': [0, 12], '04': [0, 59], '05': [0, 59] }
      const [lo, hi] = limits[std] ?? [0, 0]
      if (n < lo || n > hi) return null
      if (std === '01') f.month = n
      else if (std === '02' || std === '_2') f.day = n
      else if (std === '15' || std === '3') f.hour = n
      else if (std === '04') f.minute = n
      else f.second = n
      if (std !== '05' || nextStd?.startsWith('.') || !/^[.,]\d/.test(rest)) return rest
      // NOTE: Go reads a fraction after the seconds even when the layout has none.
      let n2 = 1
      while (isDigit(rest, n2)) n2++
      f.nanos = fraction(rest.slice(1), n2 - 1)
      return rest.slice(n2)
    }
    case 'Jan':
    case 'January': {
      const got = lookup(std === 'Jan' ? shortMonths : longMonths, value)
      if (got === null) return null
      f.month = got[0] + 1
      return got[1]
    }
    case 'Mon':
    case 'Monday': {
      const got = lookup(std === 'Mon' ? shortDays : longDays, value)
      return got === null ? null : got[1]
    }
    case 'PM': {
      const p = value.slice(0, 2)
      if (p !== 'PM' && p !== 'AM') return null
      f.pm = p === 'PM' ? 'pm' : 'am'
      return value.slice(2)
    }
    case 'MST': {
      if (value.startsWith('UTC')) return value.slice(3)
      const n = zoneNameLength(value)
      return n === 0 ? null : value.slice(n)
    }
    case 'Z07:00':
    case 'Z0700':
    case '-07:00':
    case '-0700': {
      if (std.startsWith('Z') && value[0] === 'Z') {
        f.offset = 0
        return value.slice(1)
      }
      const hasColon = std.includes(':')
      const m = (hasColon ? /^([+-])(\d\d):(\d\d)/ : /^([+-])(\d\d)(\d\d)/).exec(value)
      if (m === null) return null
      const hours = Number(m[2])
      const minutes = Number(m[3])
      if (hours > 24 || minutes > 60) return null
      f.offset = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
      return value.slice(m[0].length)
    }
    case '.999999999': {
      if (!/^[.,]\d/.test(value)) return value
      let n = 1
      while (isDigit(value, n)) n++
      f.nanos = fraction(value.slice(1), n - 1)
      return value.slice(n)
    }
    default: {
      // NOTE: '.000', '.000000', '.000000000': exactly that many digits.
      const digits = std.length - 1
      if (!/^[.,]/.test(value) || !new RegExp(`^.\\d{${digits}}`).test(value)) return null
      f.nanos = fraction(value.slice(1), digits)
      return value.slice(digits + 1)
    }
  }
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function parseWith(tokens: string[], text: string): WallTime | null {
  const f: Fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanos: 0, offset: null, pm: null }
  let value: string | null = text
  for (let i = 0; i < tokens.length && value !== null; i++) {
    const token = tokens[i] ?? ''
    if (token.startsWith('\u0000')) {
      const next = tokens.slice(i + 1).find((t) => t.startsWith('\u0000'))
      value = parseStd(token.slice(1), value, f, tokens[i + 1]?.startsWith('\u0000') ? next?.slice(1) : undefined)
    } else value = skip(value, token)
  }
  if (value === null || value.length > 0) return null
  if (f.pm === 'pm' && f.hour < 12) f.hour += 12
  else if (f.pm === 'am' && f.hour === 12) f.hour = 0
  if (f.day > daysIn(f.month, f.year)) return null
  return { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, nanos: f.nanos, offset: f.offset }
}

/**
 * Reads `text` with the first of cast's layouts that fits, as Go's time.Parse would (case-insensitive month and day
 * names, runs of spaces, a fraction after the seconds); null when none fits: Hugo then silently has no date.
 */
export function parseCastDate(text: string): { wall: WallTime; use: ZoneUse } | null {
  return parseCommonCastDate(text) ?? parseCastDateByLayouts(text)
}

/** parseCastDate trying every layout in turn, without the shortcut for common shapes (the reference in its tests). */
export function parseCastDateByLayouts(text: string): { wall: WallTime; use: ZoneUse } | null {
  tokenizedLayouts ??= castLayouts.map(([layout, use]) => ({ tokens: tokenize(layout), use }))
  for (const { tokens, use } of tokenizedLayouts) {
    const wall = parseWith(tokens, text)
    if (wall !== null) return { wall, use: use === 'numeric' && wall.offset === null ? 'site' : use }
  }
  return null
}

