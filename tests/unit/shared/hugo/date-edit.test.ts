import { describe, expect, it } from 'vitest'
import { dateAware } from '../../../../src/cli/commands/set'
import { applyChanges, parseFrontMatter, writeDateLike } from '../../../../src/shared/front-matter/index'
import { entriesOfFields, readDateString, readHugoPage, siteRulesFromConfig } from '../../../../src/shared/hugo/index'
import { seededRandom as random } from '../../../support/seeded-random'

describe('writeDateLike (the form date field and `folio set` alike)', () => {
  it('writes a new date in the layout of the old one when it fits', () => {
    expect(writeDateLike('2025-02-11 17:15:27', '2026-01-02')).toBe('2026-01-02 00:00:00')
    expect(writeDateLike('2025-02-11 17:15:27', '2026-01-02T08:09:10')).toBe('2026-01-02 08:09:10')
    expect(writeDateLike('2025-02-11T17:15:27Z', '2026-01-02 08:09')).toBe('2026-01-02T08:09:00Z')
    expect(writeDateLike('2025-02-11T17:15:27.123+05:30', '2026-01-02T08:09:10')).toBe('2026-01-02T08:09:10.000+05:30')
    expect(writeDateLike('2025-02-11 17:15:27 +0530', '2026-01-02T08:09:10-07:00')).toBe('2026-01-02 08:09:10 -0700')
  })

  it('widens the layout rather than drop a typed time, seconds, fraction or offset', () => {
    expect(writeDateLike('2018-07-14', '2024-02-29T13:45:07+05:30')).toBe('2024-02-29T13:45:07+05:30')
    expect(writeDateLike('2018-07-14', '2024-02-29T13:45')).toBe('2024-02-29T13:45:00')
    expect(writeDateLike('2025-02-11 17:15:27', '2024-02-29T13:45:07+05:30')).toBe('2024-02-29 13:45:07+05:30')
    expect(writeDateLike('2025-02-11 17:15:27', '2024-02-29T13:45:07Z')).toBe('2024-02-29 13:45:07Z')
    expect(writeDateLike('2025-02-11T17:15:27Z', '2024-02-29T13:45:07.25+05:30')).toBe('2024-02-29T13:45:07.25+05:30')
    expect(writeDateLike('2025-02-11 17:15', '2024-02-29 13:45:07')).toBe('2024-02-29 13:45:07')
  })

  it('writes a Date instant at the old offset, else in the site time zone (UTC without one), in the old layout', () => {
    const instant = new Date(Date.UTC(2026, 0, 2, 8, 9, 10))
    expect(writeDateLike('2025-02-11 17:15:27', instant)).toBe('2026-01-02 08:09:10')
    expect(writeDateLike('2025-02-11 17:15:27', instant, 'Asia/Kolkata')).toBe('2026-01-02 13:39:10')
    expect(writeDateLike('2025-02-11T17:15:27+05:30', instant)).toBe('2026-01-02T13:39:10+05:30')
    expect(writeDateLike('2025-02-11', instant)).toBe('2026-01-02')
  })

  it('passes values it does not recognise through', () => {
    expect(writeDateLike('Feb 11, 2025', '2026-01-02')).toBe('2026-01-02')
    expect(writeDateLike('2025-02-11', 'soon')).toBe('soon')
    expect(writeDateLike('whenever', new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00Z')
  })
})


const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

describe('property: `set` a date, then Hugo (the rulebook) reads the typed instant', () => {
  const zones = [null, 'Asia/Kolkata', 'America/New_York']
  const formats = ['yaml', 'toml', 'json'] as const

  function layoutSample(rand: () => number, y: number, mo: number, d: number, h: number, mi: number, s: number): string {
    const shapes = [
      `${y}-${pad(mo)}-${pad(d)}`,
      `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`,
      `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`,
      `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`,
      `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.123+05:30`,
      `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} -0700`,
    ]
    return shapes[Math.floor(rand() * shapes.length)] ?? shapes[0]
  }

  function typedSample(rand: () => number): { text: string; hasOffset: boolean } {
    const y = 1990 + Math.floor(rand() * 80)
    const mo = 1 + Math.floor(rand() * 12)
    const d = 1 + Math.floor(rand() * 28)
    const h = Math.floor(rand() * 24)
    const mi = Math.floor(rand() * 60)
    const s = Math.floor(rand() * 60)
    const frac = rand() < 0.3 ? '.' + String(Math.floor(rand() * 1e6)).padStart(6, '0') : ''
    const offsets = ['Z', '+05:30', '-07:00', '+01:00', '']
    const offset = offsets[Math.floor(rand() * offsets.length)] ?? ''
    const sep = rand() < 0.5 ? 'T' : ' '
    const withTime = rand() < 0.85
    if (!withTime) return { text: `${y}-${pad(mo)}-${pad(d)}`, hasOffset: false }
    return { text: `${y}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${offset}`, hasOffset: offset !== '' }
  }

  function fileWith(format: (typeof formats)[number], date: string, isQuoted: boolean): string {
    if (format === 'yaml') return isQuoted ? `---\ntitle: t\ndate: "${date}"\n---\nBody\n` : `---\ntitle: t\ndate: ${date}\n---\nBody\n`
    if (format === 'json') return `{\n  "title": "t",\n  "date": "${date}"\n}\nBody\n`
    // NOTE: a TOML date literal (unquoted) where the layout is one TOML has.
    const isLiteral = !isQuoted && /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(date)
    return isLiteral ? `+++\ntitle = "t"\ndate = ${date}\n+++\nBody\n` : `+++\ntitle = "t"\ndate = "${date}"\n+++\nBody\n`
  }

  it('holds for 400 generated (layout, typed date, format, time zone) cases, seed 20260211', () => {
    const rand = random(20260211)
    for (let i = 0; i < 400; i++) {
      const zone = zones[i % zones.length] ?? null
      const format = formats[Math.floor(i / 3) % formats.length] ?? 'yaml'
      const previous = layoutSample(rand, 2018, 7, 14, 9, 30, 5)
      const typed = typedSample(rand)
      const text = fileWith(format, previous, rand() < 0.5)
      const edited = dateAware(['date'], typed.text)(text)
      if (!edited.ok) throw new Error(`case ${i}: ${edited.error.message}`)
      const after = applyChanges(text, edited.value)
      const parsed = parseFrontMatter(after)
      expect(parsed.errors, `case ${i}`).toEqual([])
      const rules = siteRulesFromConfig('config.toml', zone === null ? '' : `timeZone = "${zone}"`).rules
      const page = readHugoPage(entriesOfFields(after, parsed.fields), format, rules)
      // NOTE: the typed wall time without an offset of its own takes the previous value's offset, else the site's zone.
      const prevOffset = /(Z|[+-]\d{2}:?\d{2})$/.exec(previous)?.[1]
      const expectedText = typed.hasOffset || prevOffset === undefined ? typed.text : typed.text.replace(' ', 'T') + (typed.text.length > 10 ? prevOffset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'T00:00:00' + prevOffset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2'))
      const expected = readDateString(expectedText.length > 10 && !expectedText.includes('T') ? expectedText.replace(' ', 'T') : expectedText, zone)
      const got = page.date.date
      expect(got.kind === 'date' && expected.kind === 'date' ? [got.epochMs, got.nanos] : [got, expected], `case ${i}: ${previous} <- ${typed.text} (${format}, ${zone}) wrote ${JSON.stringify(after.split('\n')[2])}`).toEqual(expected.kind === 'date' ? [expected.epochMs, expected.nanos] : null)
    }
  })
})
