import fs from 'node:fs'
import path from 'node:path'
import { AsciiTermFinder } from '../../../../src/core/index/ascii-term-find'
import { BytesMatcher } from '../../../../src/core/index/folder-scan'
import { lfText } from '../../../../src/core/index/scan-read'
import { forEachTerm, queryTerms } from '../../../../src/core/index/term-index'
import { TermScanner } from '../../../../src/core/index/term-scan'
import { makeCorpus, removeTempDir } from '../corpus'

// The scan looks for ASCII terms in ASCII files' bytes (AsciiTermFinder), without making a string of the file: its
// answer must be TermScanner's (the index's) on every text, in every case mix, at every word edge.

/** ASCII texts where a byte search could differ from the lower-cased text's: case mixes, edges, long words, many pivots. */
const tricky = [
  'COUNCIL at the start, and council, Council, cOuNcIl, councils, xcouncil, council9, 9council, council_x.',
  'Quixotic',
  'quixoti',
  'ends with QUIXOTIC',
  `${'q'.repeat(40)} ${'Q'.repeat(40)} qu Qu QUI quix: then one QuIxOtIc word and ${'quixotic'.repeat(9)}`,
  `${'x'.repeat(60)}council ${'y'.repeat(64)} word${'z'.repeat(61)} a word longer than 64 characters is not indexed`,
  'route 66, R2D2 and 2024-01-01; h2o H2O; Harbour-side, HARBOURS\r\nCRLF lines\r\n',
  'under_score and.dot/slash\\back "quoted" [council]',
  '',
  'a',
  'non-ASCII: café COUNCIL naïve council', // NOTE: decoded as text, not looked for in bytes.
]

describe('AsciiTermFinder', () => {
  it('finds a word in any case at its edges, a prefix only as the last term, and gives up on too many pivots', () => {
    const find = (term: string, text: string, isPrefix = false): boolean | null => new AsciiTermFinder(term, isPrefix).find(Buffer.from(text, 'latin1'))
    expect(find('council', 'The COUNCIL met')).toBe(true)
    expect(find('council', 'the councils met')).toBe(false)
    expect(find('council', 'the councils met', true)).toBe(true)
    expect(find('council', 'xCouncil council9')).toBe(false)
    expect(find('council', 'cOUNCIL')).toBe(true)
    expect(find('2024', 'in 2024.')).toBe(true)
    expect(find('quixotic', `${'q'.repeat(30)} ${'Q'.repeat(30)} QUIXOTIC`)).toBeNull()
    expect(find('quixotic', `${'x'.repeat(30)} QUIXOTIC`)).toBe(true)
  })

  it('makes the scan answer as TermScanner does on every word, prefix and case mix of tricky and generated texts', () => {
    const corpus = makeCorpus(40, 4)
    try {
      const texts = tricky.map((text) => Buffer.from(text))
      for (const entry of fs.readdirSync(corpus, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.md')) texts.push(fs.readFileSync(path.join(entry.parentPath, entry.name)))
      }
      const queries = new Set<string>(['council', 'councils', 'counc', 'c', 'quixotic', 'quixoti', 'quix', 'q', '66', 'r2d2', 'h2o', 'harbour', 'crlf lines', 'council 2024', 'word', 'x', 'posts', 'posts council', 'café', 'zzz'])
      for (const text of texts.slice(0, 20)) {
        let n = 0
        forEachTerm(lfText(text), (word) => {
          if (n++ % 5 === 0) queries.add(word)
          if (n % 9 === 0) queries.add(word.slice(0, 2))
          if (n % 13 === 0) queries.add(`${word} posts`)
        })
      }
      let matched = 0
      for (const query of queries) {
        const terms = queryTerms(query)
        const bytes = new BytesMatcher(terms)
        const scanner = new TermScanner(terms)
        for (const [i, raw] of texts.entries()) {
          const rel = i % 3 === 0 ? 'posts/Council-2024.md' : 'notes/other.md'
          const expected = scanner.matches(rel, lfText(raw))
          expect(bytes.matches(rel, raw), `${query} in text ${i}`).toBe(expected)
          if (expected) matched++
        }
      }
      expect(matched).toBeGreaterThan(200)
    } finally {
      removeTempDir(corpus)
    }
  })
})
