import { describe, expect, it } from 'vitest'
import { parseCommonCastDate } from '@shared/hugo/cast-date-common'
import { parseCastDate, parseCastDateByLayouts } from '@shared/hugo/go-time-parse'
import { seededRandom } from '../../../support/seeded-random'

// The shortcut for common date shapes must read every text exactly as cast's layouts tried in turn: the same wall
// time, offset and zone use, or both nothing. Texts are drawn around the edges: days past the month's end, leap
// years, hours, minutes and seconds past their range, offsets past 24 hours, letters and separators the shape lacks.

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function drawText(random: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const upTo = (n: number): number => Math.floor(random() * (n + 1))
  const year = pick([0, 1900, 2000, 2023, 2024, 2100, 2400, 9999, upTo(9999)])
  let text = `${pad(year, 4)}-${pad(pick([0, 1, 2, 12, 13, upTo(99)]), 2)}-${pad(pick([0, 1, 28, 29, 30, 31, 32, upTo(99)]), 2)}`
  if (random() < 0.8) {
    text += pick(['T', ' ', 't', '_'])
    text += `${pad(pick([0, 23, 24, upTo(99)]), 2)}:${pad(pick([0, 59, 60, upTo(99)]), 2)}:${pad(pick([0, 59, 60, upTo(99)]), 2)}`
    if (random() < 0.2) text += pick(['.5', '.123456789', ',25'])
    if (random() < 0.6) text += pick(['Z', 'z', `+${pad(upTo(30), 2)}:${pad(pick([0, 30, 59, 60, 61, upTo(99)]), 2)}`, `-${pad(upTo(30), 2)}:${pad(upTo(99), 2)}`, '+0530', ' +05:30', ' UTC'])
  }
  if (random() < 0.1) {
    const at = upTo(text.length - 1)
    text = random() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(['0', ' ', '-', 'x']) + text.slice(at)
  }
  return text
}

describe('parseCommonCastDate', () => {
  it('reads every common shape as the layouts do, and leaves everything else to them (10,000 drawn texts)', () => {
    const random = seededRandom(22)
    let shortcut = 0
    for (let i = 0; i < 10_000; i++) {
      const text = drawText(random)
      const common = parseCommonCastDate(text)
      if (common !== undefined) {
        shortcut++
        expect(common, text).toEqual(parseCastDateByLayouts(text))
      }
      expect(parseCastDate(text), text).toEqual(parseCastDateByLayouts(text))
    }
    // NOTE: the drawn texts exercise the shortcut itself, not only its refusals.
    expect(shortcut).toBeGreaterThan(500)
  })

  it('takes the four shapes articles are written in', () => {
    expect(parseCommonCastDate('2019-03-22 08:30:18')).toEqual({ wall: { year: 2019, month: 3, day: 22, hour: 8, minute: 30, second: 18, nanos: 0, offset: null }, use: 'site' })
    expect(parseCommonCastDate('2024-02-29')?.use).toBe('site')
    expect(parseCommonCastDate('2024-02-29T10:00:00')?.use).toBe('site')
    expect(parseCommonCastDate('2024-02-29T10:00:00-05:30')).toMatchObject({ wall: { offset: -330 }, use: 'numeric' })
    expect(parseCommonCastDate('2023-02-29')).toBeUndefined()
    expect(parseCommonCastDate('2024-01-01 10:00:00Z')).toBeUndefined()
  })
})
