import { formatGoRfc3339, goMonthNames, type WallTime } from './go-time'
import { parseCastDate } from './go-time-parse'
import { offsetForWallTime, utcMs } from './time-zone'
import type { HugoFormat, HugoValue } from './values'
import { hugoValueOf, type HugoEntry } from './values'

/**
 * How Hugo reads a front-matter date: an instant (with the offset it keeps and Go's RFC 3339 text of it), a value it
 * silently drops (the page then has no date from this key), or nothing written.
 */
export type HugoDate =
  | { kind: 'date'; iso: string; epochMs: number; nanos: number; offset: number; year: number; month: number; day: number }
  | { kind: 'dropped'; written: string }
  | { kind: 'none' }

function dateAt(wall: WallTime, offset: number): HugoDate {
  const epochMs = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, Math.floor(wall.nanos / 1e6)) - offset * 60_000
  return { kind: 'date', iso: formatGoRfc3339(wall, offset), epochMs, nanos: wall.nanos, offset, year: wall.year, month: wall.month, day: wall.day }
}

/** The wall time of the instant `epochMs` at `offset` minutes east of UTC. */
function wallOf(epochMs: number, offset: number, nanos: number): WallTime {
  const d = new Date(epochMs + offset * 60_000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), nanos, offset }
}

const tomlDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?)?$/

/**
 * A TOML date-time as go-toml v2 and Hugo read it: a local date or date-time in the site's zone (fraction kept); an
 * offset date-time keeps its offset but loses its fraction (Hugo formats it as RFC 3339 and reads it again); a local
 * time alone is no date.
 */
function readTomlDate(text: string, timeZone: string | null): HugoDate {
  const m = tomlDateTime.exec(text)
  if (m === null) return { kind: 'dropped', written: text }
  const hasOffset = m[8] !== undefined
  const wall: WallTime = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
    nanos: hasOffset ? 0 : Number(((m[7] ?? '') + '000000000').slice(0, 9)),
    offset: null,
  }
  if (!hasOffset) return dateAt(wall, offsetForWallTime(wall, timeZone))
  const zone = m[8] ?? 'Z'
  const offset = zone.toUpperCase() === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)))
  return dateAt(wall, offset)
}

const recentDates = new Map<string, HugoDate>()

/**
 * A date string as spf13/cast reads it: the first layout that fits; no offset means the site's zone. The result is
 * shared and must not be mutated. NOTE: one article's dates are read several times (its warnings, its page, its
 * summary), and cast tries up to 24 layouts each time; the last few readings are kept.
 */
export function readDateString(text: string, timeZone: string | null): HugoDate {
  const key = `${timeZone ?? ''}\u0000${text}`
  const known = recentDates.get(key)
  if (known !== undefined) return known
  const date = readDateStringUncached(text, timeZone)
  if (recentDates.size >= 64) recentDates.clear()
  recentDates.set(key, date)
  return date
}

function readDateStringUncached(text: string, timeZone: string | null): HugoDate {
  const parsed = parseCastDate(text)
  if (parsed === null) return { kind: 'dropped', written: text }
  const { wall, use } = parsed
  if (use === 'numeric') return dateAt(wall, wall.offset ?? 0)
  if (use === 'timeOnly') return dateAt(wall, 0)
  return dateAt(wall, offsetForWallTime(wall, timeZone))
}

/** How Hugo reads a value it has typed (see hugoValueOf) as a date, in the site's `timeZone` (null: UTC). */
export function readHugoDateValue(value: HugoValue, timeZone: string | null): HugoDate {
  switch (value.kind) {
    case 'null':
      return { kind: 'none' }
    case 'string':
      return value.value === '' ? { kind: 'none' } : readDateString(value.value, timeZone)
    case 'tomlDate':
      return readTomlDate(value.text, timeZone)
    case 'int': {
      // NOTE: cast reads an integer as Unix seconds.
      const ms = Number(value.value) * 1000
      if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { kind: 'dropped', written: String(value.value) }
      return dateAt(wallOf(ms, 0, 0), 0)
    }
    case 'bool':
    case 'float':
      return { kind: 'dropped', written: String(value.value) }
    case 'other':
      return { kind: 'dropped', written: JSON.stringify(value.value) }
  }
}

/** How Hugo reads `entry` as a date: its layouts, its time zone rule (the site's `timeZone`, else UTC), its types. */
export function readHugoDate(entry: HugoEntry, format: HugoFormat, timeZone: string | null): HugoDate {
  return readHugoDateValue(hugoValueOf(entry, format), timeZone)
}

/** The date as a theme shows it with Go's `January 2, 2006` layout, in the date's own offset. */
export function formatHugoDate(date: Extract<HugoDate, { kind: 'date' }>): string {
  return `${goMonthNames[date.month - 1] ?? ''} ${date.day}, ${date.year}`
}
