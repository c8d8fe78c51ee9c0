import type { FrontMatterValue } from '@shared/front-matter/types'

/** How Hugo reads a front-matter date value. */
export type HugoDate =
  | { kind: 'date'; iso: string; epochMs: number; year: number; month: number; day: number }
  | { kind: 'dropped'; written: string }
  | { kind: 'none' }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MON = MONTHS.map((m) => m.slice(0, 3))
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?)|(?: (\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}| [+-]\d{2}:?\d{2}(?: [A-Z]{3,5})?)?))?$/
const DAY_MON_YEAR = /^(\d{2}) ([A-Z][a-z]{2}) (\d{4})$/
const RFC1123 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|[A-Z]{3,5})$/

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  fraction: string
  /** Offset east of UTC in minutes. */
  offset: number
}

function offsetMinutes(zone: string | undefined): number {
  const m = /([+-])(\d{2}):?(\d{2})/.exec(zone ?? '')
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

function fromIso(text: string): Parts | null {
  const m = ISO.exec(text)
  if (!m) return null
  const t = m[4] !== undefined ? m.slice(4, 9) : m.slice(9, 14)
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(t[0] ?? 0), minute: Number(t[1] ?? 0), second: Number(t[2] ?? 0),
    fraction: t[3] ?? '', offset: offsetMinutes(t[4]),
  }
}

function fromNamedMonth(text: string): Parts | null {
  const short = DAY_MON_YEAR.exec(text)
  const long = short ? null : RFC1123.exec(text)
  const m = short ?? long
  const month = MON.indexOf(m?.[2] ?? '') + 1
  if (!m || month === 0) return null
  const zone = long?.[7]
  return {
    year: Number(m[3]), month, day: Number(m[1]),
    hour: Number(long?.[4] ?? 0), minute: Number(long?.[5] ?? 0), second: Number(long?.[6] ?? 0),
    fraction: '', offset: offsetMinutes(zone),
  }
}

function isValid(p: Parts): boolean {
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth && p.hour < 24 && p.minute < 60 && p.second < 60
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

function toIso(p: Parts): string {
  const zone = p.offset === 0 ? 'Z' : `${p.offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(p.offset) / 60))}:${pad(Math.abs(p.offset) % 60)}`
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.fraction}${zone}`
}

/**
 * Reads a date value the way Hugo 0.111 does without a `timeZone` setting (see hugo-facts.md): the layouts its
 * parser accepts, UTC when no offset is written. A string it does not accept is `dropped` (Hugo silently uses no date).
 */
export function parseHugoDate(value: FrontMatterValue | undefined): HugoDate {
  if (value === undefined || value === null || value === '') return { kind: 'none' }
  if (typeof value !== 'string') return { kind: 'dropped', written: JSON.stringify(value) }
  const text = value.trim()
  const parts = fromIso(text) ?? fromNamedMonth(text)
  if (parts === null || !isValid(parts)) return { kind: 'dropped', written: value }
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return { kind: 'date', iso: toIso(parts), epochMs: utc - parts.offset * 60_000, year: parts.year, month: parts.month, day: parts.day }
}

/** The date as a theme shows it with Go's `January 2, 2006` layout, in the date's own offset. */
export function formatHugoDate(date: Extract<HugoDate, { kind: 'date' }>): string {
  return `${MONTHS[date.month - 1] ?? ''} ${date.day}, ${date.year}`
}
