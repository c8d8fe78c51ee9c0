import { describe, expect, it } from 'vitest'
import { detached, internedList, shapedSummary } from '../../../../src/core/index/article-record'
import type { ArticleSummary } from '../../../../src/shared/api'

describe('kept copies of what the index reads', () => {
  it('detaches texts unchanged: ASCII, Latin-1, beyond it, lone surrogates, short ones', () => {
    const source = 'title: "A long enough ASCII title" café naïve — 日本語の題名 \ud800 end'
    for (const [from, to] of [
      [8, 34],
      [36, 47],
      [48, 62],
      [50, 66],
      [0, 5],
    ] as const) {
      const text = source.slice(from, to)
      expect(detached(text)).toBe(text)
    }
    expect(detached('x'.repeat(300) + 'ÿ')).toBe('x'.repeat(300) + 'ÿ')
  })

  it('shapes a summary with every field it had, the error only when there is one', () => {
    const summary: ArticleSummary = { path: 'a.md', title: 'A', date: '2024-01-02', isDraft: true, format: 'toml', lastmod: null, tags: ['t'], categories: [], buildStatus: 'draft' }
    expect(shapedSummary(summary)).toEqual(summary)
    expect('error' in shapedSummary(summary)).toBe(false)
    const failed = { ...summary, wordCount: 3, error: { message: 'bad', line: 2, column: 1 } }
    expect(shapedSummary(failed)).toEqual(failed)
  })

  it('keeps one frozen copy of each list of names, told apart by every name', () => {
    const a = internedList(['news', 'asia'])
    expect(internedList(['news', 'asia'])).toBe(a)
    expect(a).toEqual(['news', 'asia'])
    expect(Object.isFrozen(a)).toBe(true)
    expect(internedList(['asia', 'news'])).toEqual(['asia', 'news'])
    expect(internedList(['a\u0000b'])).toEqual(['a\u0000b'])
    expect(internedList(['a', 'b'])).toEqual(['a', 'b'])
    expect(internedList([])).toEqual([])
  })
})
