import { describe, expect, it } from 'vitest'
import { applyChanges, parseFrontMatter } from '../../../../src/shared/front-matter'
import { setTypedNumber } from '../../../../src/shared/front-matter/number-edit'
import { isExactNumberText, writtenNumberAt } from '../../../../src/shared/front-matter/number-text'
import { seededRandom as random } from '../../../support/seeded-random'


function digits(next: () => number, count: number): string {
  let out = String(1 + Math.floor(next() * 9))
  for (let i = 1; i < count; i++) out += String(Math.floor(next() * 10))
  return out
}

/** A number text a double may or may not hold: a long integer (up to int64 for TOML) or a long decimal. */
function numberText(next: () => number, format: 'yaml' | 'toml' | 'json'): string {
  const sign = next() < 0.3 ? '-' : ''
  if (next() < 0.5) return sign + (format === 'toml' ? String(BigInt(digits(next, 18)) % 2n ** 63n) : digits(next, 15 + Math.floor(next() * 10)))
  return `${sign}${digits(next, 1 + Math.floor(next() * 3))}.${digits(next, 10 + Math.floor(next() * 12))}`
}

const blocks = {
  yaml: (v: string) => `---\ntitle: t\nn: ${v}\nlist: [1, ${v}]\n---\n`,
  toml: (v: string) => `+++\ntitle = "t"\nn = ${v}\nlist = [1, ${v}]\n+++\n`,
  json: (v: string) => `{\n  "title": "t",\n  "n": ${v},\n  "list": [1, ${v}]\n}\n`,
}

describe('property: a number set as typed reads back as typed, and setting it again writes nothing', () => {
  for (const format of ['yaml', 'toml', 'json'] as const) {
    it(`${format}: 200 random long integers and decimals`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const next = random(seed)
        const start = numberText(next, format)
        const typed = numberText(next, format)
        const text = blocks[format](start)
        for (const path of [['n'], ['list', 1]]) {
          const set = setTypedNumber(text, path, typed, Number(typed))
          expect(set.ok, `seed ${seed}`).toBe(true)
          if (!set.ok) continue
          const after = applyChanges(text, set.value)
          expect(writtenNumberAt(after, path)?.source, `seed ${seed} ${format}`).toBe(typed)
          expect(parseFrontMatter(after).errors).toEqual([])
          expect(after.replace(typed, start)).toBe(text)
          expect(setTypedNumber(after, path, typed, Number(typed))).toEqual({ ok: true, value: [] })
        }
      }
    })
  }
})

describe('isExactNumberText', () => {
  it.each([
    ['12345678901234567890', false],
    ['9007199254740992', true],
    ['9007199254740993', false],
    // NOTE: 2^60 is a double, but printed it reads 1152921504606847000: the typed text would be lost.
    ['1152921504606846976', false],
    ['0.1', true],
    ['1.50', true],
    ['1e3', true],
    ['+7', true],
    ['1_000', true],
    ['0x1F', true],
    ['0xFFFFFFFFFFFFFFFFF', false],
    ['0.12345678901234567890', false],
    ['1.0000000000000000001', false],
    ['.inf', false],
    ['.nan', false],
  ])('%s: %s', (text, expected) => {
    const value = text === '.inf' ? Infinity : text === '.nan' ? NaN : Number(text.replace(/_/g, ''))
    expect(isExactNumberText(text, value)).toBe(expected)
  })
})
