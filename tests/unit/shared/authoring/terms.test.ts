import { describe, expect, it } from 'vitest'
import { groupTerms, retagText } from '@shared/authoring/terms'

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('groupTerms', () => {
  it('groups spellings as Hugo does (urlize), counts articles, most used first', () => {
    const groups = groupTerms([
      { path: 'a.md', data: { tags: ['Hugo', 'Go'] } },
      { path: 'b.md', data: { tags: ['hugo', ' Hugo '] } },
      { path: 'c.md', data: { tags: 'HUGO' } },
      { path: 'd.md', data: { tags: ['go lang', 'Go-Lang', 7] } },
      { path: 'e.md', data: { categories: ['Hugo'] } },
    ], 'tags')
    expect(groups.map((g) => [g.key, g.term, g.articles.length])).toEqual([['hugo', 'Hugo', 3], ['7', '7', 1], ['go', 'Go', 1], ['go-lang', 'go lang', 1]])
    expect(groups[0].spellings).toEqual([{ term: 'Hugo', count: 1 }, { term: 'hugo', count: 1 }, { term: ' Hugo ', count: 1 }, { term: 'HUGO', count: 1 }])
  })
})

describe('retagText (lossless)', () => {
  it('renames in a flow list, keeping quotes and everything else', () => {
    const text = '---\ntitle: x # note\ntags: [ "Hugo", go,  \'Web\' ]\ndate: 2024-01-02\n---\nbody\n'
    expect(unwrap(retagText(text, 'tags', 'hugo', 'Static Sites'))).toBe('---\ntitle: x # note\ntags: [ "Static Sites", go,  \'Web\' ]\ndate: 2024-01-02\n---\nbody\n')
  })

  it('renames in a block list and a TOML array, and a single string', () => {
    expect(unwrap(retagText('---\ntags:\n  - Go # lang\n  - web\n---\n', 'tags', 'go', 'golang'))).toBe('---\ntags:\n  - golang # lang\n  - web\n---\n')
    expect(unwrap(retagText('+++\ntags = ["Go", "web"]\n+++\n', 'tags', 'GO', 'golang'))).toBe('+++\ntags = ["golang", "web"]\n+++\n')
    expect(unwrap(retagText('---\ncategories: Go\n---\n', 'categories', 'go', 'Golang'))).toBe('---\ncategories: Golang\n---\n')
  })

  it('merges: a term already present makes the renamed item go, case variants too', () => {
    expect(unwrap(retagText('---\ntags: [go, Golang, GO]\n---\n', 'tags', 'go', 'golang'))).toBe('---\ntags: [Golang]\n---\n')
    expect(unwrap(retagText('---\ntags: [Go, web, go]\n---\n', 'tags', 'go', 'Golang'))).toBe('---\ntags: [Golang, web]\n---\n')
  })

  it('leaves an article without the term byte for byte, and refuses broken front matter', () => {
    const text = '---\ntags: [web]\r\n---\n'
    expect(unwrap(retagText(text, 'tags', 'go', 'golang'))).toBe(text)
    const broken = retagText('---\ntags: [go\n---\n', 'tags', 'go', 'x')
    expect(broken.ok).toBe(false)
  })
})
