import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFrontMatter, readFrontMatterData } from '../../../../src/shared/front-matter/index'

const sample = fs.readFileSync(new URL('../../../fixtures/front-matter/is-k-rising-un-warns.md', import.meta.url), 'utf8')

const errorsOf = (text: string): [number, number][] => parseFrontMatter(text).errors.map((e) => [e.line, e.column])
const warningsOf = (text: string): [number, string][] => parseFrontMatter(text).warnings.map((w) => [w.line, w.message])

describe('parseFrontMatter: the sample article', () => {
  const parsed = parseFrontMatter(sample)

  it('reads every key in file order with values as written, and no problems', () => {
    expect(parsed.format).toBe('yaml')
    expect(parsed.errors).toEqual([])
    expect(parsed.warnings).toEqual([])
    expect(parsed.fields.map((f) => f.key)).toEqual(Object.keys(parsed.data))
    expect(parsed.fields.slice(0, 4).map((f) => f.key)).toEqual(['title', 'date', 'summary', 'categories'])
    expect(parsed.data.date).toBe('2025-02-11 17:15:27')
    expect(parsed.data.widgets).toEqual(['search', 'recent', 'taglist'])
    expect(parsed.data.comments).toBe(false)
  })

  it('gives ranges that cover exactly the value and the whole entry', () => {
    const date = parsed.fields.find((f) => f.key === 'date')
    expect(date && sample.slice(date.valueFrom, date.valueTo)).toBe('"2025-02-11 17:15:27"')
    expect(date && sample.slice(date.entryFrom, date.entryTo)).toBe('date: "2025-02-11 17:15:27"')
    expect(date?.kind).toBe('date')
    const widgets = parsed.fields.find((f) => f.key === 'widgets')
    expect(widgets && sample.slice(widgets.entryFrom, widgets.entryTo)).toBe('widgets:\n  - "search"\n  - "recent"\n  - "taglist"')
    expect(parsed.block && sample.slice(parsed.block.to, parsed.block.to + 1)).toBe('\n')
  })

  it('reads the same data on the cheap path', () => {
    expect(readFrontMatterData(sample)).toEqual({ format: 'yaml', data: parsed.data, error: null })
  })
})

describe('parseFrontMatter: detection', () => {
  it('finds TOML, JSON and no front matter', () => {
    expect(parseFrontMatter('+++\ntitle = "a"\n+++\nbody').data).toEqual({ title: 'a' })
    expect(parseFrontMatter('{\n  "title": "a"\n}\nbody').data).toEqual({ title: 'a' })
    expect(parseFrontMatter('# Heading\n\n---\ntitle: no\n---\n')).toMatchObject({ format: 'none', block: null, data: {} })
  })

  it('accepts a BOM and CRLF line breaks, with offsets into the given text', () => {
    const text = '\uFEFF---\r\ntitle: "a"\r\ndraft: true\r\n---\r\nbody\r\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.block).toMatchObject({ from: 1, contentFrom: 6, to: text.indexOf('body') })
    expect(parsed.data).toEqual({ title: 'a', draft: true })
    const title = parsed.fields[0]
    expect(title && text.slice(title.valueFrom, title.valueTo)).toBe('"a"')
  })

  it('skips blank lines before the opening fence, as Hugo does', () => {
    const parsed = parseFrontMatter('\n  \n---\ntitle: a\n---\nbody')
    expect(parsed).toMatchObject({ format: 'yaml', data: { title: 'a' }, block: { from: 4 } })
    expect(parseFrontMatter('\n\nText\n---\ntitle: a\n---\n').format).toBe('none')
  })

  it('accepts a closing fence without a final newline', () => {
    const parsed = parseFrontMatter('---\ntitle: a\n---')
    expect(parsed.errors).toEqual([])
    expect(parsed.block?.to).toBe(16)
  })

  it('treats an empty block as empty data', () => {
    expect(parseFrontMatter('---\n---\n')).toMatchObject({ format: 'yaml', data: {}, errors: [], fields: [] })
  })
})

describe('parseFrontMatter: errors are positioned in the file', () => {
  it('reports YAML syntax errors at the line and column where they are', () => {
    expect(errorsOf('---\ntitle: "unterminated\ndate: 2024-01-01\n---\n')).toEqual([[2, 8]])
    expect(errorsOf('---\ntitle: a: b\n---\n')).toEqual([[2, 8]])
  })

  it('reads duplicate keys as Hugo does (the last wins, a warning at the overridden one); reports tab indentation, a missing closing fence and a non-mapping root', () => {
    const duplicated = parseFrontMatter('---\ntitle: a\ndraft: true\ntitle: b\n---\n')
    expect([duplicated.errors, duplicated.data, duplicated.fields.map((f) => f.key)]).toEqual([[], { title: 'b', draft: true }, ['draft', 'title']])
    expect(duplicated.warnings.map((w) => [w.line, w.column, w.message])).toEqual([[2, 1, '"title" appears again further down; Hugo reads the last one, and Folio edits that one']])
    expect(errorsOf('---\nparams:\n\tx: 1\n---\n')[0]?.[0]).toBe(3)
    expect(errorsOf('---\ntitle: a\n\nbody\n')).toEqual([[1, 1]])
    expect(errorsOf('---\n- a\n- b\n---\n')).toEqual([[2, 1]])
    expect(errorsOf('---\njust text\n---\n')).toEqual([[2, 1]])
  })

  it('counts lines from the top of the file with a BOM and CRLF', () => {
    expect(errorsOf('\uFEFF---\r\ntitle: a\r\ntitle: "b\r\n---\r\n')).toEqual([[3, 8]])
  })

  it('reports TOML and JSON errors; a JSON duplicate key is a warning, the last wins (as in Hugo)', () => {
    expect(errorsOf('+++\ntitle = "a"\ndate = \n+++\n')[0]?.[0]).toBe(3)
    expect(errorsOf('+++\ntitle = "a"\ntitle = "b"\n+++\n')[0]?.[0]).toBe(3)
    expect(errorsOf('{\n  "title": "a",\n}\n')[0]?.[0]).toBe(3)
    const duplicated = parseFrontMatter('{\n  "title": "a",\n  "title": "b"\n}\n')
    expect([duplicated.errors, duplicated.data, duplicated.warnings.map((w) => [w.line, w.column])]).toEqual([[], { title: 'b' }, [[2, 3]]])
    expect(errorsOf('{\n  "title": "a"\n')).toEqual([[1, 1]])
  })

  it('refuses aliases that refer to themselves', () => {
    expect(errorsOf('---\ntitle: &a [*a]\n---\n')[0]?.[0]).toBe(2)
  })

  it('leaves data empty when there are errors', () => {
    expect(parseFrontMatter('---\ntitle: a\ntitle: [b\n---\n').data).toEqual({})
  })
})

describe('parseFrontMatter: warnings', () => {
  it('warns about YAML 1.1 booleans and octal-looking numbers, but not when quoted', () => {
    expect(warningsOf('---\ncomments: yes\ntoc: Off\nzip: 010\nok: "yes"\nalso: \'010\'\n---\n').map(([line]) => line)).toEqual([2, 3, 4])
    expect(warningsOf('---\nzip: 010\n---\n')[0]?.[1]).toContain('octal')
  })

  it('warns about empty values and keys that differ only in case', () => {
    expect(warningsOf('---\ntitle: a\ndraft:\n---\n')).toEqual([[3, '"draft" has no value (it reads as null)']])
    expect(warningsOf('---\ntitle: a\nTitle: b\n---\n')).toEqual([[3, 'keys "title" and "Title" differ only in case']])
    expect(warningsOf('+++\ntitle = "a"\nTitle = "b"\n+++\n').map(([line]) => line)).toEqual([3])
  })
})

describe('parseFrontMatter: TOML and JSON values', () => {
  it('keeps TOML dates as written and reads inline tables', () => {
    const text = '+++\ndate = 2024-01-01T10:00:00Z\nday = 1979-05-27\nlocal = 2024-01-01 08:30:00\nauthor = { name = "Ann", since = 2020 }\n[params]\nx = 1\n+++\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toEqual({ date: '2024-01-01T10:00:00Z', day: '1979-05-27', local: '2024-01-01 08:30:00', author: { name: 'Ann', since: 2020 }, params: { x: 1 } })
    expect(parsed.fields.map((f) => [f.key, f.kind])).toEqual([['date', 'date'], ['day', 'date'], ['local', 'date'], ['author', 'object'], ['params', 'object']])
    const params = parsed.fields[4]
    expect(params && text.slice(params.entryFrom, params.entryTo)).toBe('[params]\nx = 1')
  })

  it('reads JSON with nested objects and gives member ranges', () => {
    const text = '{\n  "title": "a",\n  "params": { "author": { "name": "Ann" } }\n}\n\nbody\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.data).toEqual({ title: 'a', params: { author: { name: 'Ann' } } })
    expect(parsed.block).toMatchObject({ format: 'json', from: 0, contentFrom: 0, contentTo: text.indexOf('}\n\n') + 1 })
    const params = parsed.fields[1]
    expect(params && text.slice(params.valueFrom, params.valueTo)).toBe('{ "author": { "name": "Ann" } }')
  })
})

describe('parseFrontMatter: dates Hugo drops', () => {
  it('warns about date layouts Hugo silently reads as no date, and not about the ones it reads', () => {
    const bad = ['Feb 11, 2025', '2025/02/11', '11.02.2025', '2025-02-11 17:15']
    for (const value of bad) expect(warningsOf(`---\ntitle: a\ndate: "${value}"\n---\n`), value).toEqual([[3, expect.stringContaining('Hugo does not read') as unknown]])
    const good = ['2025-02-11 17:15:27', '2025-02-11T17:15:27', '2025-02-11T17:15:27+05:30', '2025-02-11 17:15:27 +0530', '2025-02-11', '11 Feb 2025', 'Tue, 11 Feb 2025 17:15:27 +0000']
    for (const value of good) expect(warningsOf(`---\nlastmod: "${value}"\n---\n`), value).toEqual([])
    expect(warningsOf('{\n  "publishDate": "2025/02/11"\n}\n').map(([line]) => line)).toEqual([2])
  })
})

describe('parseFrontMatter: TOML messages', () => {
  it('says a string is not closed rather than naming the line break', () => {
    expect(parseFrontMatter('+++\ntitle = "toml missing quote\n+++\n').errors).toMatchObject([{ line: 2, message: 'a string is not closed before the end of its line' }])
  })
})
