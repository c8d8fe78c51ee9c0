import { describe, expect, it } from 'vitest'
import { formatDateLike } from '../../../../src/shared/front-matter/index'

describe('formatDateLike', () => {
  it('writes a new date in the layout of the old one', () => {
    expect(formatDateLike('2025-02-11 17:15:27', '2026-01-02')).toBe('2026-01-02 00:00:00')
    expect(formatDateLike('2025-02-11 17:15:27', '2026-01-02T08:09:10')).toBe('2026-01-02 08:09:10')
    expect(formatDateLike('2025-02-11', '2026-01-02T08:09:10')).toBe('2026-01-02')
    expect(formatDateLike('2025-02-11T17:15:27Z', '2026-01-02 08:09')).toBe('2026-01-02T08:09:00Z')
    expect(formatDateLike('2025-02-11T17:15:27.123+05:30', '2026-01-02T08:09:10')).toBe('2026-01-02T08:09:10.000+05:30')
    expect(formatDateLike('2025-02-11 17:15:27 +0530', '2026-01-02T08:09:10-07:00')).toBe('2026-01-02 08:09:10 -0700')
  })

  it('writes a Date instant at the old offset, or in UTC when the layout has none', () => {
    const instant = new Date(Date.UTC(2026, 0, 2, 8, 9, 10))
    expect(formatDateLike('2025-02-11 17:15:27', instant)).toBe('2026-01-02 08:09:10')
    expect(formatDateLike('2025-02-11T17:15:27+05:30', instant)).toBe('2026-01-02T13:39:10+05:30')
    expect(formatDateLike('2025-02-11', instant)).toBe('2026-01-02')
  })

  it('passes values it does not recognise through', () => {
    expect(formatDateLike('Feb 11, 2025', '2026-01-02')).toBe('2026-01-02')
    expect(formatDateLike('2025-02-11', 'soon')).toBe('soon')
    expect(formatDateLike('whenever', new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00Z')
  })
})
