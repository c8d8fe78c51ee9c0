import type { ArticleSummary } from '@shared/api'
import { mergeSummaries } from '@renderer/merge-summaries'

const summary = (path: string, title: string): ArticleSummary => ({ path, title, date: null, isDraft: false, format: 'yaml' })

describe('mergeSummaries', () => {
  it('replaces summaries by path and keeps the order', () => {
    const list = [summary('a.md', 'A'), summary('b.md', 'B')]
    expect(mergeSummaries(list, [summary('b.md', 'B2')]).map((s) => s.title)).toEqual(['A', 'B2'])
  })

  it('returns the same list when no path matches', () => {
    const list = [summary('a.md', 'A')]
    expect(mergeSummaries(list, [summary('z.md', 'Z')])).toBe(list)
  })
})
