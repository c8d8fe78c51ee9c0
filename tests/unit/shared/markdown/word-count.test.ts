import { countWords, readingMinutes, wordCountPieces } from '@shared/markdown/word-count'
import { summarizeForIndex } from '../../../../src/core/index/article-record'

describe('countWords', () => {
  it('counts runs of non-space text that hold a letter or digit', () => {
    expect(countWords('  one two\u00a0three\n\nfour ')).toBe(4)
    expect(countWords('# Title\n\n- item one\n> quoted\n\n---\n| a | b |\n')).toBe(6)
    expect(countWords('don’t stop—now 42')).toBe(3)
    expect(countWords('')).toBe(0)
  })

  it('counts each CJK character as a word, beside spaced words', () => {
    expect(countWords('日本語の文章')).toBe(6)
    expect(countWords('Hugo は速い')).toBe(4)
    expect(countWords('한국어 문장')).toBe(5)
  })

  it('leaves shortcode tags out but counts what a paired shortcode wraps', () => {
    expect(countWords('See {{< figure src="a.png" alt="A long caption" >}} here')).toBe(2)
    expect(countWords('{{% note %}}Two words{{% /note %}}')).toBe(2)
    expect(countWords('{{</* comment */>}} kept')).toBe(1)
    expect(countWords('a {{< never closed\n\nb c')).toBe(5)
  })

  it('counts code as text but not its fences', () => {
    expect(countWords('Intro\n\n```go\nfmt.Println("hi")\n```\n\n`inline code` end')).toBe(6)
  })

  it('counts from an offset to an end', () => {
    expect(countWords('skip these then count', 11, 21)).toBe(2)
  })

  it('is the count the folder index keeps (one rule for the list and the status bar)', () => {
    const text = '---\ntitle: A\n---\nBody {{< ref "x" >}} words 日本\n'
    expect(summarizeForIndex('a.md', text, Date.now()).wordCount).toBe(countWords(text, text.indexOf('Body')))
    expect(countWords(text, text.indexOf('Body'))).toBe(4)
  })
})

describe('readingMinutes', () => {
  it('rounds at 213 words a minute (500 for CJK), at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(10)).toBe(1)
    expect(readingMinutes(1065)).toBe(5)
    expect(readingMinutes(1000, true)).toBe(2)
  })
})

describe('wordCountPieces', () => {
  it('sums to the one-pass count, pieces ending at blank lines (shortcodes spanning lines stay whole)', () => {
    const paragraph = 'One {{< figure\n src="a.png" >}} two 日本語\n{{% note %}}three{{% /note %}}\n\n\n  four-five\n\n'
    for (const size of [1, 7, 40, 1000]) {
      const text = `---\nx: 1\n---\n${paragraph.repeat(20)}`
      const pieces = [...wordCountPieces(text, 12, size)]
      expect(pieces.reduce((a, b) => a + b, 0)).toBe(countWords(text, 12))
      if (size < 40) expect(pieces.length).toBeGreaterThan(10)
    }
  })
})

