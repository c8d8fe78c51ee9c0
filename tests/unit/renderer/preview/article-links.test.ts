import { articleLinkCandidates, findLinkedArticle } from '@renderer/preview/article-links'

describe('articleLinkCandidates', () => {
  it('resolves a Markdown file link against the article folder, then against the article URL', () => {
    expect(articleLinkCandidates('content/posts/2024/a.md', 'b.md')).toEqual(['content/posts/2024/b.md', 'content/posts/2024/a/b.md'])
    expect(articleLinkCandidates('content/posts/2024/a.md', './sub/b.md#part')).toEqual(['content/posts/2024/sub/b.md', 'content/posts/2024/a/sub/b.md'])
  })

  it('turns a Hugo pretty URL into the file, bundle and section candidates', () => {
    expect(articleLinkCandidates('content/posts/2024/trip/index.md', '../welcome/')).toEqual([
      'content/posts/2024/welcome.md',
      'content/posts/2024/welcome/index.md',
      'content/posts/2024/welcome/_index.md',
    ])
    expect(articleLinkCandidates('content/posts/2024/a.md', '../b/')).toEqual([
      'content/posts/b.md', 'content/posts/b/index.md', 'content/posts/b/_index.md',
      'content/posts/2024/b.md', 'content/posts/2024/b/index.md', 'content/posts/2024/b/_index.md',
    ])
    expect(articleLinkCandidates('content/about.md', '/posts/caf%C3%A9/?x=1')).toEqual(['content/posts/café.md', 'content/posts/café/index.md', 'content/posts/café/_index.md'])
  })

  it('gives nothing for schemes, other hosts, anchors, escapes out of the folder and backslashes', () => {
    for (const href of ['https://x.example/a.md', '//x.example/a.md', 'mailto:a@b.c', '#top', '', '../../../../etc/passwd.md', '..\\..\\x.md', 'C:\\x.md', '%E0%A4%A.md']) {
      expect(articleLinkCandidates('content/posts/a.md', href), href).toEqual([])
    }
  })
})

describe('findLinkedArticle', () => {
  const paths = new Set(['content/posts/2024/welcome-to-folio.md', 'content/posts/2025/showcase.md', 'content/a/same.md', 'content/b/same.md'])

  it('takes the first candidate the folder holds, else the one article ending with a ref-style path', () => {
    expect(findLinkedArticle(['content/posts/2025/x.md', 'content/posts/2025/showcase.md'], 'x', paths)).toBe('content/posts/2025/showcase.md')
    expect(findLinkedArticle([], '2024/welcome-to-folio.md', paths)).toBe('content/posts/2024/welcome-to-folio.md')
    expect(findLinkedArticle([], 'same.md', paths)).toBeNull()
    expect(findLinkedArticle([], '../secret.md', paths)).toBeNull()
    expect(findLinkedArticle([], 'missing.md', paths)).toBeNull()
  })
})
