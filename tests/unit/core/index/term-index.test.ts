import { makeSnippet } from '../../../../src/core/index/search-snippet'
import { queryTerms, TermIndex } from '../../../../src/core/index/term-index'

describe('TermIndex', () => {
  it('matches every term, the last as a prefix, and forgets removed documents', () => {
    const index = new TermIndex()
    const a = index.add('The summit talks on trade')
    const b = index.add('Summits and crises')
    const c = index.add('Café au lait, naïve summit')
    expect(index.match(queryTerms('summit'))).toEqual([a, b, c])
    expect(index.match(queryTerms('summit talks'))).toEqual([a])
    expect(index.match(queryTerms('talks summit'))).toEqual([a, b, c].filter((id) => id === a))
    expect(index.match(queryTerms('café'))).toEqual([c])
    expect(index.match(queryTerms('cris'))).toEqual([b])
    index.remove(a)
    expect(index.match(queryTerms('summit'))).toEqual([b, c])
    expect(index.match([])).toEqual([])
  })

  it('unites every word of a prefix in ascending order without repeats, across many documents and updates', () => {
    const index = new TermIndex()
    const words = ['elect', 'election', 'electric', 'elegant', 'other']
    const expected: number[] = []
    for (let i = 0; i < 500; i++) {
      const text = `${words[i % 5]} ${words[(i * 7) % 5]} filler`
      const id = index.add(text)
      if (/\belec/.test(text)) expected.push(id)
    }
    const replaced = index.add('electricity again')
    index.remove(expected[0])
    expect(index.match(queryTerms('elec'))).toEqual([...expected.slice(1), replaced])
  })

  it('finds words whatever their case, ASCII or not, across thousands of distinct words and documents in parts', () => {
    const index = new TermIndex()
    const ids: number[] = []
    for (let i = 0; i < 3000; i++) ids.push(index.add(`posts/w${i}.md`, `Word${i} ÉCOLE Straße common \u212Aelvin`))
    expect(index.match(queryTerms('word1234'))).toEqual([ids[1234]])
    expect(index.match(queryTerms('w1234'))).toEqual([ids[1234]])
    expect(index.match(queryTerms('école')).length).toBe(3000)
    expect(index.match(queryTerms('STRASSE')).length).toBe(0)
    expect(index.match(queryTerms('straße common')).length).toBe(3000)
    // NOTE: the Kelvin sign lower-cases to an ASCII k, so "kelvin" finds it like any ASCII word.
    expect(index.match(queryTerms('kelvin')).length).toBe(3000)
    expect(index.match(queryTerms('md word299')).map((id) => ids.indexOf(id))).toEqual([299, 2990, 2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999])
  })

  it('answers the same once its lists are packed, with words added to packed lists and new ones after (updates)', () => {
    const words = ['alpha', 'alps', 'beta', 'gamma', 'gam', 'delta', 'épée', 'zeta']
    const docs: string[] = []
    const index = new TermIndex()
    const live = new Set<number>()
    const add = (text: string): void => {
      const id = index.add(text)
      docs[id] = text
      live.add(id)
    }
    const expected = (query: string): number[] => {
      const terms = queryTerms(query)
      return [...live].filter((id) => terms.every((t, i) => queryTerms(docs[id]).some((w) => (i === terms.length - 1 ? w.startsWith(t) : w === t)))).sort((a, b) => a - b)
    }
    const queries = ['alp', 'alpha', 'gam', 'gamma beta', 'épée', 'zeta alps', 'new', 'newword7 del']
    // NOTE: past 2,048 documents the index packs itself while adding; 300 ids apart make two-byte gaps.
    for (let i = 0; i < 2500; i++) add(`${words[i % 8]} ${words[(i * 3) % 8]}${i % 300 === 0 ? ' rare' : ''}`)
    for (const q of queries) expect(index.match(queryTerms(q))).toEqual(expected(q))
    index.compact()
    for (const q of [...queries, 'rare']) expect(index.match(queryTerms(q))).toEqual(expected(q))
    // NOTE: after the pack, as updates: ids added to packed words (tails), new words, a removal.
    for (let i = 0; i < 50; i++) add(`${words[(i * 5) % 8]} newword${i % 10} delta${i % 2 === 0 ? ' rare' : ''}`)
    index.remove(3)
    live.delete(3)
    for (const q of [...queries, 'rare', 'delta']) expect(index.match(queryTerms(q))).toEqual(expected(q))
    index.compact()
    for (const q of [...queries, 'rare', 'delta']) expect(index.match(queryTerms(q))).toEqual(expected(q))
    const entries = new Map([...index.entries()].map(([term, ids]) => [term, [...ids]]))
    expect(entries.get('rare')).toEqual(expected('rare'))
    expect(entries.get('newword3')).toEqual(expected('newword3'))
  })

  it('splits queries into lower-case unique words', () => {
    expect(queryTerms('  Foo, foo BAR-baz ')).toEqual(['foo', 'bar', 'baz'])
  })
})

describe('makeSnippet', () => {
  it('excerpts the body around the first match with highlights of every term', () => {
    const text = '---\ntitle: Summit\n---\nA long line before. Then the summit opened, and trade talks began.\n'
    const snippet = makeSnippet(text, ['summit', 'tra'], text.indexOf('A long'))
    expect(snippet).not.toBeNull()
    const marked = snippet?.highlights.map(([f, t]) => snippet.text.slice(f, t))
    expect(marked).toEqual(['summit', 'tra'])
    expect(snippet?.text.includes('\n')).toBe(false)
  })

  it('centres the excerpt on the match, cut at words, and tells where the match is', () => {
    const before = 'word '.repeat(40)
    const text = `---\ntitle: x\n---\n${before}needle ${'tail '.repeat(40)}\nnext line\n`
    const snippet = makeSnippet(text, ['needle'], text.indexOf(before))
    const at = snippet?.text.indexOf('needle') ?? -1
    const textLength = snippet?.text.length ?? 0
    expect(snippet?.text.startsWith('…word')).toBe(true)
    expect(snippet?.text.endsWith('tail…')).toBe(true)
    expect(Math.abs(at - (textLength - at - 'needle'.length))).toBeLessThan(8)
    expect(snippet?.match).toEqual({ from: text.indexOf('needle'), to: text.indexOf('needle') + 6, line: 4 })
    const early = makeSnippet('needle at the start of a long line that goes on and on and on and on and on and on and on', ['needle'], 0)
    expect(early?.text.startsWith('needle')).toBe(true)
    expect(early?.text.length).toBeGreaterThan(80)
  })

  it('falls back to the front matter and returns null without a match', () => {
    const text = '---\ntitle: Summit\n---\nbody\n'
    expect(makeSnippet(text, ['summit'], text.indexOf('body'))?.text).toBe('title: Summit')
    expect(makeSnippet(text, ['absent'], 0)).toBeNull()
    expect(makeSnippet(text, ['ummit'], 0)).toBeNull()
  })
})
