import { describe, expect, it } from 'vitest'
import { parseFrontMatter } from '@shared/front-matter'
import { loadCases, loadVerdicts } from './hugo-cases'

const cases = loadCases()
const verdicts = loadVerdicts()

function warningsOf(name: string): string[] {
  const text = cases.get(name)?.text ?? ''
  return parseFrontMatter(text).warnings.map((w) => `${w.line}: ${w.message}`)
}

/** Hugo's recorded reading of one param ("bool true", "int 1000", "string hello") as the warning words it. */
function hugoParam(name: string, key: string): string {
  const recorded = verdicts[name]?.params?.[key] ?? ''
  const [type, ...rest] = recorded.split(' ')
  const value = rest.join(' ')
  return type === 'string' ? JSON.stringify(value) : value
}

describe('warnings name what Hugo reads (checked against the recorded params)', () => {
  it('YAML 1.1 scalars: y/n, 1_000, 0b101, 0777', () => {
    expect(warningsOf('utc/y-n-plain')).toEqual([
      expect.stringMatching(new RegExp(`^2: Hugo reads n as ${'false'} `)) as unknown,
      expect.stringMatching(new RegExp(`^3: Hugo reads y as ${hugoParam('utc/y-n-plain', 'flag')} `)) as unknown,
    ])
    expect(verdicts['utc/y-n-plain']?.title).toBe('false')
    expect(warningsOf('utc/y-underscore-number')).toEqual([expect.stringContaining(`as ${hugoParam('utc/y-underscore-number', 'weight')} `) as unknown])
    expect(warningsOf('utc/y-binary-number')).toEqual([expect.stringContaining(`as ${hugoParam('utc/y-binary-number', 'weight')} `) as unknown])
    expect(warningsOf('utc/y-octal-number')).toEqual([expect.stringContaining(`as ${hugoParam('utc/y-octal-number', 'weight')} `) as unknown])
    // NOTE: where YAML 1.1 and 1.2 agree (0x1F, 0o17, 1e3, .inf, big integers) there is nothing to say.
    for (const same of ['utc/y-hex-number', 'utc/y-octal-0o', 'utc/y-float-exp', 'utc/y-inf-nan', 'utc/y-big-int', 'utc/y-sexagesimal']) expect(warningsOf(same), same).toEqual([])
  })

  it('merge keys, !!binary and keys YAML 1.1 reads as booleans', () => {
    expect(hugoParam('utc/y-merge-key', 'params')).toBe('map[a:1 c:2]')
    expect(warningsOf('utc/y-merge-key')).toEqual([expect.stringMatching(/^5: Hugo \(YAML 1\.1\) merges "a" into this mapping/) as unknown])
    expect(warningsOf('utc/y-merge-list')).toEqual([
      expect.stringMatching(/^5: Hugo reads the key y as "true"/) as unknown,
      expect.stringMatching(/^7: Hugo \(YAML 1\.1\) merges "x", "y" into this mapping/) as unknown,
    ])
    expect(hugoParam('utc/y-merge-list', 'b')).toBe('map[true:2]')
    expect(warningsOf('utc/y-binary-tag')).toEqual([expect.stringContaining(`(${hugoParam('utc/y-binary-tag', 'blob')})`) as unknown])
    expect(parseFrontMatter(cases.get('utc/y-binary-bad')?.text ?? '').errors[0]?.message).toContain('not valid base64')
  })

  it('dates Hugo drops, text keys given a list, switches Hugo reads otherwise', () => {
    expect(verdicts['utc/y-date-month-13']?.date).toBeNull()
    expect(warningsOf('utc/y-date-month-13')).toEqual([expect.stringMatching(/^2: Hugo does not read "2018-13-45" as a date/) as unknown])
    expect(verdicts['utc/y-title-list']?.title).toBe('')
    expect(warningsOf('utc/y-title-list')).toEqual([expect.stringContaining('gives it an empty title') as unknown])
    for (const [name, key] of [['utc/y-draft-yes-quoted', 'draft'], ['utc/j-draft-one', 'draft'], ['utc/t-draft-one', 'draft'], ['utc/y-draft-maybe', 'draft'], ['utc/y-headless-yes-quoted', 'headless']] as const) {
      expect(warningsOf(name), name).toEqual([expect.stringContaining(`as ${hugoParam(name, key)}; write true or false`) as unknown])
    }
    // NOTE: values Hugo reads as the writer meant stay quiet.
    for (const quiet of ['utc/y-draft-string-true', 'utc/y-draft-one', 'utc/y-draft-string-t', 'utc/t-draft-string', 'utc/y-title-number']) expect(warningsOf(quiet), quiet).toEqual([])
  })
})
