import { describe, expect, it } from 'vitest'
import { formatGoRfc3339, formatGoTime, rfc3339, wallTimeAt } from '../../../../src/shared/hugo/go-time'
import { parseCastDate } from '../../../../src/shared/hugo/go-time-parse'

// The one Go time module: the layouts the formatter writes are split by the same tokenizer the parser reads with.
const clock = wallTimeAt(new Date(Date.UTC(2024, 1, 29, 13, 45, 7)), 330)

describe('Go time layouts: one tokenizer for formatting and parsing', () => {
  it('formats every element as Go does', () => {
    expect(formatGoTime(clock, 'Monday, January 2 2006 3:04:05 PM -07:00 MST')).toBe('Thursday, February 29 2024 7:15:07 PM +05:30 +0530')
    expect(formatGoTime(clock, 'Mon Jan _2 06 03:4:5 pm Z0700 -0700')).toBe('Thu Feb 29 24 07:15:7 pm +0530 +0530')
    expect(formatGoTime(clock, '2006-01-02T15:04:05.000Z07:00')).toBe('2024-02-29T19:15:07.000+05:30')
    expect(formatGoTime(clock, '15:04:05.999')).toBe('19:15:07')
    expect(formatGoTime(wallTimeAt(new Date(Date.UTC(2024, 0, 5, 0, 0, 0)), 0), '2006-1-2 3PM MST Z07:00')).toBe('2024-1-5 12AM UTC Z')
    expect(rfc3339(clock)).toBe('2024-02-29T19:15:07+05:30')
  })

  it.each([
    '2006-01-02T15:04:05Z07:00',
    'Mon, 02 Jan 2006 15:04:05 -0700',
    '02 Jan 06 15:04 -0700',
    'Monday, 02-Jan-06 15:04:05 MST',
    '2006-01-02 15:04:05.999999999 -0700 MST',
    '2006-01-02T15:04:05-0700',
    'Mon Jan _2 15:04:05 2006',
    'Mon Jan 02 15:04:05 -0700 2006',
    '2006-01-02',
    '02 Jan 2006',
    '2006-01-02 15:04:05 -07:00',
  ])('reads back what it writes in the layout %s', (layout) => {
    // NOTE: a clock away from UTC writes MST as its numeric offset (no zone name), which no cast layout reads.
    const text = formatGoTime(layout.includes('MST') ? wallTimeAt(new Date(Date.UTC(2024, 1, 29, 19, 15, 7)), 0) : clock, layout)
    const read = parseCastDate(text)
    expect(read, text).not.toBeNull()
    const hasTime = layout.includes('15')
    expect(read?.wall).toMatchObject({ year: 2024, month: 2, day: 29, ...(hasTime ? { hour: 19, minute: 15 } : {}) })
  })

  it('reads a fraction of any length after .999', () => {
    expect(parseCastDate('2024-02-29 19:15:07.5 +0530 IST')?.wall.nanos).toBe(500_000_000)
    expect(parseCastDate('Feb 29 19:15:07.123')?.wall.nanos).toBe(123_000_000)
  })

  it("prints Go's RFC3339Nano with the same formatter: fractions trimmed, Z for UTC, negative and two-digit years", () => {
    const wall = { year: 2024, month: 2, day: 29, hour: 19, minute: 15, second: 7, nanos: 120_000_000, offset: null }
    expect(formatGoRfc3339(wall, 330)).toBe('2024-02-29T19:15:07.12+05:30')
    expect(formatGoRfc3339({ ...wall, nanos: 0 }, 0)).toBe('2024-02-29T19:15:07Z')
    expect(formatGoRfc3339({ ...wall, nanos: 1 }, -90)).toBe('2024-02-29T19:15:07.000000001-01:30')
    expect(formatGoRfc3339({ ...wall, year: -44, nanos: 0 }, 0)).toBe('-0044-02-29T19:15:07Z')
    // NOTE: 1 January of year 50 is a Saturday in the proleptic Gregorian calendar (Date.UTC would have read it as 1950, a Sunday).
    expect(formatGoTime({ ...wall, year: 50, month: 1, day: 1, offset: 0 }, 'Mon 2006')).toBe('Sat 0050')
  })
})
