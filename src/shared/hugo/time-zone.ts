import type { WallTime } from './go-time'

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  const known = formatters.get(zone)
  if (known !== undefined) return known
  let made: Intl.DateTimeFormat | null
  try {
    made = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' })
  } catch {
    // NOTE: RangeError for a zone name the platform does not know; the caller falls back to UTC and says so.
    made = null
  }
  formatters.set(zone, made)
  return made
}

/** True when `zone` is an IANA time zone name this platform knows (`Europe/Oslo`, `UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  return formatterFor(zone) !== null
}

/** Milliseconds since the epoch of a wall time read as UTC; years below 100 stay as written (Date.UTC would add 1900). */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms))
  d.setUTCFullYear(year)
  return d.getTime()
}

/** The offset (minutes east of UTC) of `zone` at the instant `epochMs`; 0 for an unknown zone. */
export function zoneOffsetAt(zone: string, epochMs: number): number {
  const format = formatterFor(zone)
  if (format === null || Number.isNaN(epochMs)) return 0
  const parts: Record<string, string> = {}
  for (const p of format.formatToParts(new Date(epochMs))) parts[p.type] = p.value
  const year = Number(parts.year) * (parts.era === 'BC' || parts.era === 'B' ? -1 : 1) + (parts.era === 'BC' || parts.era === 'B' ? 1 : 0)
  const wall = utcMs(year, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000)
  return Math.round((wall - whole) / 60_000)
}

/**
 * The offset to give a wall time that names none: the site's zone at that wall time (as Go's time.Date does), or 0
 * (UTC) without a zone, which is what Hugo does without `timeZone` in the site config.
 */
export function offsetForWallTime(wall: WallTime, zone: string | null): number {
  if (zone === null) return 0
  const asUtc = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
  let offset = zoneOffsetAt(zone, asUtc)
  // NOTE: two rounds settle the offset near a daylight-saving change (the wall time's own offset, not the guess's).
  offset = zoneOffsetAt(zone, asUtc - offset * 60_000)
  return offset
}
