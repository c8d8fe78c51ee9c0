import { describe, expect, it } from 'vitest'
import { parseFrontMatter } from '@shared/front-matter'

const errorAt = (text: string): string | null => {
  const e = parseFrontMatter(text).errors[0]
  return e === undefined ? null : `${e.line}:${e.column}`
}

describe('TOML as Hugo 0.111 reads it (TOML 1.0, go-toml v2)', () => {
  it('refuses what TOML 1.0 refuses, at the fault', () => {
    expect(errorAt('+++\np = { a = 1, }\n+++\n')).toBe('2:14')
    expect(errorAt('+++\np = { a = 1,\n b = 2 }\n+++\n')).toBe('2:13')
    expect(errorAt('+++\np = { a = 1, # c\n b = 2 }\n+++\n')).toBe('2:14')
    expect(errorAt('+++\nt = "\\x41"\n+++\n')).toBe('2:7')
    expect(errorAt('+++\n[a."k\\x41"]\nb = 1\n+++\n')).toBe('2:7')
    expect(errorAt('+++\nd = 2025-02-11T03:04Z\n+++\n')).toBe('2:16')
    expect(errorAt('+++\nd = 03:04\n+++\n')).toBe('2:5')
    expect(errorAt('+++\nid = -9223372036854775809\n+++\n')).toBe('2:6')
    expect(parseFrontMatter('+++\nt = "\\x41"\n+++\n').errors[0]?.message).toContain('\\u0041')
  })

  it('accepts what TOML 1.0 accepts that looks alike', () => {
    const ok = [
      '+++\np = {}\n+++\n',
      '+++\np = { a = [1,\n 2] }\n+++\n',
      '+++\np = { a = "x, } # y" }  # c\n+++\n',
      '+++\nt = """a \\\n   b"""\n+++\n',
      "+++\nt = 'C:\\x41'\n+++\n",
      '+++\nt = "\\e"\n+++\n',
      '+++\nat = 03:04:05\nd = 2025-02-11T03:04:05.5Z\n+++\n',
      '+++\n# p = { a = 1, }\n+++\n',
    ]
    for (const text of ok) expect(parseFrontMatter(text).errors, text).toEqual([])
  })

  it('reads integers up to int64 (beyond 2^53) instead of refusing them', () => {
    const parsed = parseFrontMatter('+++\nid = 9007199254740993\nmax = 9223372036854775807\n+++\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.fields.map((f) => f.key)).toEqual(['id', 'max'])
  })
})

describe('fences and bytes as Hugo reads them', () => {
  it('ends the block at a line starting with the fence; the rest starts the body, with a warning', () => {
    const text = '---\ntitle: four\n----\nBody.\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toEqual({ title: 'four' })
    expect(text.slice(parsed.block?.to)).toBe('-\nBody.\n')
    expect(parsed.warnings.map((w) => [w.line, w.message])).toEqual([[3, expect.stringContaining('("-") starts') as unknown]])
    expect(parseFrontMatter('---\ntitle: x\n---  \nBody.\n').warnings).toEqual([])
  })

  it("refuses the control characters yaml.v2 refuses, at the character's line and column", () => {
    expect(errorAt('---\ntitle: t\na: 1\nb: "x\u0000y"\n---\n')).toBe('4:6')
    expect(errorAt('---\nb: "x\u007fy"\n---\n')).toBe('2:6')
    expect(errorAt('---\nb: x\u0086y\n---\n')).toBe('2:5')
    expect(errorAt('---\nb: "x\u0085y\tz"\n---\n')).toBeNull()
  })
})
