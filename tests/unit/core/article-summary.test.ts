import { summarizeArticle } from '../../../src/core/article-summary'

describe('summarizeArticle', () => {
  it('gives the title, the date as written (unquoted) and the draft flag', () => {
    const text = '---\ntitle: "IS-K rising?"\ndate: "2025-02-11 17:15:27"\ndraft: true\n---\nbody\n'
    expect(summarizeArticle('a.md', text)).toEqual({ path: 'a.md', title: 'IS-K rising?', date: '2025-02-11 17:15:27', isDraft: true, format: 'yaml' })
  })

  it('keeps TOML and JSON dates exactly as written', () => {
    expect(summarizeArticle('t.md', '+++\ntitle = "T"\ndate = 2025-02-11T10:00:00+05:30\n+++\n').date).toBe('2025-02-11T10:00:00+05:30')
    expect(summarizeArticle('j.md', '{\n  "title": "J",\n  "date": "2025-01-01"\n}\n').date).toBe('2025-01-01')
    expect(summarizeArticle('y.md', "---\ndate: '2024-12-31'\n---\n").date).toBe('2024-12-31')
  })

  it('is null for a missing or non-string title, and not a draft unless draft is true', () => {
    const summary = summarizeArticle('n.md', '---\ntitle: 42\ndraft: "true"\n---\n')
    expect(summary).toMatchObject({ title: null, date: null, isDraft: false })
    expect(summarizeArticle('plain.md', '# Just markdown\n')).toEqual({ path: 'plain.md', title: null, date: null, isDraft: false, format: 'none' })
  })

  it('reports the first front-matter error with its position', () => {
    const summary = summarizeArticle('bad.md', '---\ntitle: "unclosed\n---\n')
    expect(summary.error).toMatchObject({ line: expect.any(Number) as unknown, column: expect.any(Number) as unknown })
    expect(summary.format).toBe('yaml')
  })
})
