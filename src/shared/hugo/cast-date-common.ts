import type { WallTime } from './go-time'
import type { ZoneUse } from './go-time-parse'

// The date shapes nearly every article is written in, read without trying cast's layouts one by one: the common
// `2006-01-02 15:04:05` is cast's eleventh layout, so each such date failed ten layouts first (a third of indexing a
// plain folder's summaries). Anything unusual (a fraction, an odd zone, a value out of range) returns undefined and
// goes through the layouts; a differential test holds this to the layouts' reading.

const commonShape = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Reads `2006-01-02`, `2006-01-02T15:04:05`, `2006-01-02T15:04:05Z07:00` (or `Z`) and `2006-01-02 15:04:05` exactly as
 * the first of cast's layouts that fits them does (see parseCastDate); undefined for any other text or a value out of
 * range, which the layouts then read.
 */
export function parseCommonCastDate(text: string): { wall: WallTime; use: ZoneUse } | undefined {
  if (text.length > 25) return undefined
  const m = commonShape.exec(text)
  if (m === null) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined
  const separator = m[4]
  if (separator === undefined) return { wall: { year, month, day, hour: 0, minute: 0, second: 0, nanos: 0, offset: null }, use: 'site' }
  const hour = Number(m[5])
  const minute = Number(m[6])
  const second = Number(m[7])
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const zone = m[8]
  if (zone === undefined) return { wall: { year, month, day, hour, minute, second, nanos: 0, offset: null }, use: 'site' }
  // NOTE: with a space, `Z` is first read by `2006-01-02 15:04:05Z0700`: left to the layouts.
  if (separator === ' ') return undefined
  const offsetHours = zone === 'Z' ? 0 : Number(zone.slice(1, 3))
  const offsetMinutes = zone === 'Z' ? 0 : Number(zone.slice(4, 6))
  if (offsetHours > 24 || offsetMinutes > 60) return undefined
  const offset = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  return { wall: { year, month, day, hour, minute, second, nanos: 0, offset }, use: 'numeric' }
}
