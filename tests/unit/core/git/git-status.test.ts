import { parsePorcelainV2 } from '../../../../src/core/git/git-status'

describe('parsePorcelainV2', () => {
  it('reads branch headers and every record type, paths with spaces and a rename’s original path', () => {
    const out = [
      '# branch.oid 0123456789abcdef0123456789abcdef01234567',
      '# branch.head feature/x',
      '# branch.upstream origin/feature/x',
      '# branch.ab +2 -3',
      '1 .M N... 100644 100644 100644 aaaaaaa bbbbbbb posts/a b.md',
      '1 A. N... 000000 100644 100644 0000000 ccccccc posts/new.md',
      '1 D. N... 100644 000000 000000 ddddddd 0000000 posts/gone.md',
      '2 R. N... 100644 100644 100644 eeeeeee eeeeeee R100 posts/to.md',
      'posts/from.md',
      'u UU N... 100644 100644 100644 100644 1111111 2222222 3333333 posts/c.md',
      '? posts/untracked.md',
      '! ignored.md',
      '',
    ].join('\0')
    const status = parsePorcelainV2(out)
    expect([status.branch, status.upstream, status.ahead, status.behind, status.hasCommits]).toEqual(['feature/x', 'origin/feature/x', 2, 3, true])
    expect(status.files).toEqual([
      { path: 'posts/a b.md', kind: 'modified', isStaged: false, hasUnstaged: true },
      { path: 'posts/new.md', kind: 'added', isStaged: true, hasUnstaged: false },
      { path: 'posts/gone.md', kind: 'deleted', isStaged: true, hasUnstaged: false },
      { path: 'posts/to.md', kind: 'renamed', oldPath: 'posts/from.md', isStaged: true, hasUnstaged: false },
      { path: 'posts/c.md', kind: 'conflicted', isStaged: false, hasUnstaged: true },
      { path: 'posts/untracked.md', kind: 'untracked', isStaged: false, hasUnstaged: true },
    ])
  })

  it('knows a repository without commits and a detached HEAD, and drops truncated records', () => {
    const status = parsePorcelainV2(['# branch.oid (initial)', '# branch.head (detached)', '1 .M N...', ''].join('\0'))
    expect([status.hasCommits, status.branch, status.files]).toEqual([false, null, []])
  })
})
