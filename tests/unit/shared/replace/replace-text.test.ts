import { applyReplaceMatches, compileReplaceQuery, expandReplacement, findReplaceMatches, type ReplaceQuery } from '@shared/replace/replace-text'

const q = (find: string, replace: string, more: Partial<ReplaceQuery> = {}): ReplaceQuery => ({ find, replace, isRegex: false, isCaseSensitive: true, isWholeWord: false, scope: 'all', ...more })

function run(text: string, query: ReplaceQuery): { after: string; count: number } {
  const regex = compileReplaceQuery(query)
  if (!regex.ok) throw new Error(regex.error.message)
  const matches = findReplaceMatches(text, regex.value, query)
  return { after: applyReplaceMatches(text, matches), count: matches.length }
}

const article = '---\ntitle: "Cats and cats"\ntags: [cat]\n---\nThe cat sat. A Cat, a concatenation; cat.\n'

describe('replace engine', () => {
  it('changes only the matched text: every other byte stays', () => {
    const { after, count } = run(article, q('cat', 'dog', { scope: 'body' }))
    expect(count).toBe(3)
    expect(after).toBe('---\ntitle: "Cats and cats"\ntags: [cat]\n---\nThe dog sat. A Cat, a condogenation; dog.\n')
  })

  it('honours case, whole words and the scope (front matter content only, fences never)', () => {
    expect(run(article, q('cat', 'dog', { scope: 'body', isCaseSensitive: false, isWholeWord: true })).after).toBe(
      '---\ntitle: "Cats and cats"\ntags: [cat]\n---\nThe dog sat. A dog, a concatenation; dog.\n',
    )
    expect(run(article, q('cat', 'dog', { scope: 'front-matter', isWholeWord: true })).after).toBe('---\ntitle: "Cats and cats"\ntags: [dog]\n---\nThe cat sat. A Cat, a concatenation; cat.\n')
    expect(run(article, q('---', '===', { scope: 'all' })).count).toBe(0)
    expect(run('no front matter cat', q('cat', 'dog', { scope: 'front-matter' })).count).toBe(0)
  })

  it('expands regex groups ($1, $<name>, $&, $$) and treats a plain replacement literally', () => {
    const text = 'Date: 2024-05-01 and 2025-12-31\n'
    expect(run(text, q('(\\d{4})-(\\d{2})-(\\d{2})', '$3/$2/$1', { isRegex: true })).after).toBe('Date: 01/05/2024 and 31/12/2025\n')
    expect(run(text, q('(?<y>\\d{4})', '[$<y>]', { isRegex: true })).after).toBe('Date: [2024]-05-01 and [2025]-12-31\n')
    expect(run('a.b', q('\\.', '$&$$', { isRegex: true })).after).toBe('a.$b')
    expect(run('a.b', q('.', '$1$&')).after).toBe('a$1$&b')
    expect(expandReplacement('$12', Object.assign(['ab', 'a'], { index: 0, input: 'ab' }) as unknown as RegExpExecArray)).toBe('a2')
  })

  it('gives lines and columns, handles empty matches and ^ per line, and applies a chosen subset', () => {
    const text = 'one\ntwo\nthree\n'
    const regex = compileReplaceQuery(q('^', '> ', { isRegex: true }))
    if (!regex.ok) throw new Error('bad')
    const matches = findReplaceMatches(text, regex.value, q('^', '> ', { isRegex: true }))
    expect(matches.map((m) => [m.line, m.column])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1]])
    expect(applyReplaceMatches(text, matches, new Set([1]))).toBe('one\n> two\nthree\n')
  })

  it('refuses an empty find and an invalid pattern with a clear message', () => {
    expect(compileReplaceQuery(q('', 'x')).ok).toBe(false)
    const bad = compileReplaceQuery(q('(', 'x', { isRegex: true }))
    expect(bad.ok ? '' : bad.error.message).toMatch(/Not a valid regular expression/)
  })

  it('escapes every regex character of a plain find', () => {
    expect(run('a+b (c) [d] $e ^f | g\\h', q('(c) [d] $e ^f | g\\', 'X')).after).toBe('a+b Xh')
  })
})
