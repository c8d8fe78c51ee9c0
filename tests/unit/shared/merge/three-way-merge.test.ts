import { mergeThreeWay } from '@shared/merge'

const base = ['---', 'title: Old', 'date: 2024-01-01', 'tags: [a]', '---', '', 'First paragraph.', '', 'Second paragraph.', ''].join('\n')
const replace = (text: string, from: string, to: string): string => {
  expect(text).toContain(from)
  return text.replace(from, to)
}

describe('mergeThreeWay', () => {
  it('keeps both when the sides change different front-matter keys', () => {
    const mine = replace(base, 'title: Old', 'title: New')
    const theirs = replace(base, 'date: 2024-01-01', 'date: 2025-02-02')
    expect(mergeThreeWay(base, mine, theirs)).toEqual({ kind: 'merged', text: replace(mine, 'date: 2024-01-01', 'date: 2025-02-02') })
  })

  it('keeps both when the sides change separate body lines, including additions at the end', () => {
    const mine = replace(base, 'First paragraph.', 'First paragraph, edited.')
    const theirs = base + 'Third paragraph.\n'
    const merged = mergeThreeWay(base, mine, theirs)
    expect(merged).toEqual({ kind: 'merged', text: mine + 'Third paragraph.\n' })
  })

  it('is symmetric for non-overlapping changes', () => {
    const mine = replace(base, 'tags: [a]', 'tags: [a, b]')
    const theirs = replace(base, 'Second paragraph.', 'Second, rewritten.')
    const one = mergeThreeWay(base, mine, theirs)
    const two = mergeThreeWay(base, theirs, mine)
    expect(one).toEqual(two)
    expect(one.kind).toBe('merged')
  })

  it('reports a conflict when both sides change the same line differently', () => {
    const mine = replace(base, 'title: Old', 'title: Mine')
    const theirs = replace(base, 'title: Old', 'title: Theirs')
    expect(mergeThreeWay(base, mine, theirs)).toEqual({ kind: 'conflict', conflicts: 1 })
  })

  it('reports a conflict when both insert at the same place, or one inserts next to a line the other changed', () => {
    const mine = replace(base, 'First paragraph.\n', 'First paragraph.\nMine.\n')
    const theirs = replace(base, 'First paragraph.\n', 'First paragraph.\nTheirs.\n')
    expect(mergeThreeWay(base, mine, theirs).kind).toBe('conflict')
    const edited = replace(base, '\nSecond paragraph.', '\nSecond, edited.')
    const inserted = replace(base, 'First paragraph.\n\n', 'First paragraph.\n\nInserted.\n')
    expect(mergeThreeWay(base, inserted, edited).kind).toBe('conflict')
  })

  it('counts an identical change on both sides once', () => {
    const both = replace(base, 'title: Old', 'title: Same')
    const mine = replace(both, 'Second paragraph.', 'Mine too.')
    expect(mergeThreeWay(base, mine, both)).toEqual({ kind: 'merged', text: mine })
  })

  it('returns the changed side when the other is unchanged, and keeps lines holding only a non-breaking space', () => {
    const nbsp = base + '\u00a0\n'
    const theirs = replace(nbsp, 'title: Old', 'title: T')
    expect(mergeThreeWay(nbsp, nbsp, theirs)).toEqual({ kind: 'merged', text: theirs })
    const mine = replace(nbsp, 'First paragraph.', 'F.')
    expect(mergeThreeWay(nbsp, mine, theirs)).toEqual({ kind: 'merged', text: replace(theirs, 'First paragraph.', 'F.') })
  })
})
