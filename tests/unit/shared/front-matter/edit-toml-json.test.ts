import { describe, expect, it } from 'vitest'
import { applyChanges, parseFrontMatter, renameKey, setValue, unsetValue, type FrontMatterValue, type KeyPath } from '../../../../src/shared/front-matter/index'

function set(text: string, path: KeyPath, value: FrontMatterValue): string {
  const result = setValue(text, path, value)
  if (!result.ok) throw new Error(result.error.message)
  return applyChanges(text, result.value)
}

function unset(text: string, path: KeyPath): string {
  const result = unsetValue(text, path)
  if (!result.ok) throw new Error(result.error.message)
  return applyChanges(text, result.value)
}

describe('TOML', () => {
  const text = [
    '+++',
    'title = "Old" # the headline',
    "path = 'C:\\raw'",
    'date = 2024-01-01T10:00:00Z',
    'day = 2024-01-01',
    'weight = 1.0',
    'tags = [ "a", "b" ]',
    '# The author',
    'author = { name = "Ann", since = 2020-01-01 }',
    '',
    '[params]',
    'x = 1',
    '',
    '[[resources]]',
    'src = "a.png"',
    '+++',
    'body',
  ].join('\n')

  it('keeps the quote character, escapes what must be escaped and keeps the comment', () => {
    expect(set(text, ['title'], 'New "q" \\ \u0001')).toContain('\ntitle = "New \\"q\\" \\\\ \\u0001" # the headline\n')
    expect(set(text, ['path'], 'D:\\other')).toContain("\npath = 'D:\\other'\n")
    expect(set(text, ['path'], "it's")).toContain('\npath = "it\'s"\n')
  })

  it('keeps unquoted dates unquoted and numbers in their form', () => {
    expect(set(text, ['date'], '2025-02-11T17:15:27Z')).toContain('\ndate = 2025-02-11T17:15:27Z\n')
    expect(set(text, ['day'], '2025-02-11')).toContain('\nday = 2025-02-11\n')
    expect(set(text, ['weight'], 2)).toContain('\nweight = 2.0\n')
    expect(parseFrontMatter(set(text, ['date'], '2025-02-11T17:15:27Z')).data.date).toBe('2025-02-11T17:15:27Z')
  })

  it('keeps array spacing and edits inline tables in place', () => {
    expect(set(text, ['tags'], ['a', 'c'])).toContain('\ntags = [ "a", "c" ]\n')
    const after = set(text, ['author', 'name'], 'Bo')
    expect(parseFrontMatter(after).data.author).toEqual({ name: 'Bo', since: '2020-01-01' })
    expect(after.split('\n').filter((l, i) => l !== text.split('\n')[i])).toEqual(['author = { name = "Bo", since = 2020-01-01 }'])
  })

  it('keeps a multi-line array multi-line', () => {
    const multi = '+++\ntags = [\n  "a",\n  "b",\n]\nx = 1\n+++\n'
    expect(set(multi, ['tags'], ['a', 'c', 'd'])).toBe('+++\ntags = [\n  "a",\n  "c",\n  "d",\n]\nx = 1\n+++\n')
  })

  it('adds a key before the first table and sets keys inside tables', () => {
    expect(set(text, ['draft'], true)).toContain('\nauthor = { name = "Ann", since = 2020-01-01 }\ndraft = true\n\n[params]\n')
    const inTable = set(text, ['params', 'x'], 2)
    expect(inTable).toBe(text.replace('\nx = 1\n', '\nx = 2\n'))
  })

  it('removes a key with its comment, and refuses null', () => {
    expect(unset(text, ['author'])).toBe(text.replace('# The author\nauthor = { name = "Ann", since = 2020-01-01 }\n', ''))
    expect(setValue(text, ['title'], null)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('renames a top-level key in place', () => {
    const result = renameKey(text, ['title'], 'name')
    expect(result.ok && applyChanges(text, result.value)).toBe(text.replace('\ntitle = ', '\nname = '))
  })

  it('keeps CRLF line breaks', () => {
    const crlf = text.replace(/\n/g, '\r\n')
    expect(set(crlf, ['draft'], true)).toContain('since = 2020-01-01 }\r\ndraft = true\r\n\r\n[params]')
  })
})

describe('JSON', () => {
  const text = '{\n  "title": "Old",\n  "params": {\n    "author": { "name": "Ann" },\n    "tags": ["a", "b"]\n  },\n  "draft": false\n}\n\nbody\n'

  it('sets nested values in place', () => {
    expect(set(text, ['params', 'author', 'name'], 'Bo "B"')).toBe(text.replace('"name": "Ann"', '"name": "Bo \\"B\\""'))
    expect(set(text, ['params', 'tags'], ['a', 'c'])).toBe(text.replace('["a", "b"]', '["a", "c"]'))
  })

  it('adds members after their last sibling in the style of the object', () => {
    expect(set(text, ['params', 'author', 'mail'], 'a@b')).toBe(text.replace('{ "name": "Ann" }', '{ "name": "Ann", "mail": "a@b" }'))
    expect(set(text, ['weight'], 3)).toBe(text.replace('"draft": false\n', '"draft": false,\n  "weight": 3\n'))
    expect(set(text, ['params', 'extra'], { a: [1] })).toContain('"tags": ["a", "b"],\n    "extra": {\n      "a": [\n        1\n      ]\n    }\n  },')
  })

  it('removes members with their comma', () => {
    expect(unset(text, ['draft'])).toBe(text.replace(',\n  "draft": false', ''))
    expect(unset(text, ['title'])).toBe(text.replace('\n  "title": "Old",', ''))
  })

  it('renames a member in place', () => {
    const result = renameKey(text, ['draft'], 'isDraft')
    expect(result.ok && applyChanges(text, result.value)).toBe(text.replace('"draft"', '"isDraft"'))
  })
})
