import type { ArticleSummary } from '@shared/api'
import { upsertSummaries } from '@renderer/merge-summaries'

const summary = (path: string, title: string): ArticleSummary => ({ path, title, date: null, isDraft: false, format: 'yaml' })

describe('upsertSummaries', () => {
  it('replaces summaries by path in place and appends new paths', () => {
    const list = [summary('a.md', 'A'), summary('b.md', 'B')]
    expect(upsertSummaries(list, [summary('z.md', 'Z'), summary('b.md', 'B2')]).map((s) => s.title)).toEqual(['A', 'B2', 'Z'])
  })

  it('counts a path given twice once, the later summary winning (two batches of one frame)', () => {
    const list = [summary('a.md', 'A')]
    const merged = upsertSummaries(list, [summary('n.md', 'N1'), summary('a.md', 'A1'), summary('n.md', 'N2'), summary('a.md', 'A2')])
    expect(merged.map((s) => `${s.path}:${s.title}`)).toEqual(['a.md:A2', 'n.md:N2'])
  })

  it('returns the same list for no updates and never changes the list it was given', () => {
    const list = [summary('a.md', 'A')]
    expect(upsertSummaries(list, [])).toBe(list)
    upsertSummaries(list, [summary('a.md', 'A2'), summary('b.md', 'B')])
    expect(list.map((s) => s.title)).toEqual(['A'])
  })
})
