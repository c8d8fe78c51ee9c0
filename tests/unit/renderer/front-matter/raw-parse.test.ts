import { parseRawValue } from '@renderer/components/front-matter/raw-parse'

describe('parseRawValue', () => {
  it('reads a value in the file format, or says why not', () => {
    expect(parseRawValue('- a\n- b: 1', 'yaml')).toEqual({ ok: true, value: ['a', { b: 1 }] })
    expect(parseRawValue('[1, "x", { y = true }]', 'toml')).toEqual({ ok: true, value: [1, 'x', { y: true }] })
    expect(parseRawValue('{"a": [1, null]}', 'json')).toEqual({ ok: true, value: { a: [1, null] } })
    expect(parseRawValue('[1, 2', 'yaml').ok).toBe(false)
    expect(parseRawValue('[1, 2', 'toml').ok).toBe(false)
    expect(parseRawValue('   ', 'json').ok).toBe(false)
  })
})
