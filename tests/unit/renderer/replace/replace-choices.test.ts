import { changeKey, chosenChangeCount, noExclusions, replaceChoices } from '@renderer/replace/replace-choices'
import type { ReplaceFilePreview, ReplacePreview } from '@shared/replace/replace-types'

const version = { mtimeMs: 1, size: 1, hash: 'h' }
const change = (index: number) => ({ index, line: index + 1, column: 1, before: 'cat', after: 'dog', from: 0, to: 3, replacementLength: 3 })
const file = (path: string, count: number, listed = count, extra: Partial<ReplaceFilePreview> = {}): ReplaceFilePreview => ({ path, version, changeCount: count, changes: Array.from({ length: listed }, (_, i) => change(i)), ...extra })
const preview = (files: ReplaceFilePreview[]): ReplacePreview => ({
  query: { find: 'cat', replace: 'dog', isRegex: false, isCaseSensitive: false, isWholeWord: false, scope: 'body' },
  files,
  fileCount: files.length,
  changeCount: files.reduce((n, f) => n + f.changeCount, 0),
  searched: 10,
  failures: [],
  isTruncated: false,
})

describe('replaceChoices', () => {
  it('chooses every change of every file by default (all, so unlisted changes are applied too)', () => {
    const p = preview([file('a.md', 2), file('b.md', 300, 200)])
    const choices = replaceChoices(p, noExclusions, new Set())
    expect(choices.map((c) => [c.path, c.changes])).toEqual([['a.md', 'all'], ['b.md', 'all']])
    expect(chosenChangeCount(p, choices)).toBe(302)
  })

  it('leaves out files, single changes, blocked files and files with unsaved edits', () => {
    const p = preview([file('a.md', 3), file('b.md', 1), file('c.md', 1, 1, { problem: 'it would break the front matter' }), file('d.md', 1)])
    const choices = replaceChoices(p, { files: new Set(['b.md']), changes: new Set([changeKey('a.md', 1)]) }, new Set(['d.md']))
    expect(choices).toEqual([{ path: 'a.md', version, changes: [0, 2] }])
    expect(chosenChangeCount(p, choices)).toBe(2)
  })

  it('drops a file whose every change was left out', () => {
    const p = preview([file('a.md', 1)])
    expect(replaceChoices(p, { files: new Set(), changes: new Set([changeKey('a.md', 0)]) }, new Set())).toEqual([])
  })
})
