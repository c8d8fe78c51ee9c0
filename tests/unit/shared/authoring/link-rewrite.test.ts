import { describe, expect, it } from 'vitest'
import { applyChanges } from '@shared/front-matter'
import { findInboundLinks, planLinkEdits, type LinkWorld, type PathMove } from '@shared/authoring/link-rewrite'
import { scanLinks } from '@shared/authoring/link-scan'

const world = (articles: string[]): LinkWorld => ({ contentDir: 'content', articles })

// NOTE: a body starting with `{` would read as JSON front matter (as in Hugo), so bodies here start with text.
function run(files: Record<string, string>, moves: PathMove[], extra: string[] = []): Record<string, string> {
  const texts = new Map(Object.entries(files))
  const edits = planLinkEdits(world([...Object.keys(files), ...extra]), moves, texts)
  const out: Record<string, string> = {}
  for (const e of edits) out[e.path] = applyChanges(files[e.path], e.changes)
  return out
}

const leafMove = (from: string, to: string): PathMove => ({ from, to, isFolder: false })

describe('scanLinks', () => {
  it('finds ref shortcodes in every quoting and both delimiters, skipping front matter and escaped ones', () => {
    const text = '---\nlink: "{{< ref "fm" >}}"\n---\n{{< ref "a" >}} {{% relref `b.md#x` %}} {{< ref c >}} {{< relref path="d" >}} {{</* ref "no" */>}}\n'
    expect(scanLinks(text).map((l) => [l.kind, l.value])).toEqual([['ref', 'a'], ['ref', 'b.md#x'], ['ref', 'c'], ['ref', 'd']])
  })

  it('finds Markdown links, images, definitions and HTML, but not inside code', () => {
    const text = '[a](x.md) ![i](<my img.png> "t") [r]: ../y.md\n\n[r]: ../z.md "title"\n`[no](n.md)`\n```\n[no](n2.md)\n```\n<img src="p.png"> [t]({{< ref "q" >}})\n'
    expect(scanLinks(text).map((l) => [l.kind, l.value])).toEqual([
      ['markdown', 'x.md'], ['markdown', 'my img.png'], ['markdown', '../z.md'], ['markdown', 'p.png'], ['ref', 'q'],
    ])
  })
})

describe('planLinkEdits: refs', () => {
  const target = 'content/posts/old-name.md'
  const moved = leafMove(target, 'content/posts/new-name.md')
  const cases: [string, string, string][] = [
    ['bare name', '{{< ref "old-name" >}}', '{{< ref "new-name" >}}'],
    ['bare name with .md', '{{< ref "old-name.md" >}}', '{{< ref "new-name.md" >}}'],
    ['absolute', '{{< ref "/posts/old-name" >}}', '{{< ref "/posts/new-name" >}}'],
    ['absolute with .md and anchor', '{{< relref "/posts/old-name.md#part" >}}', '{{< relref "/posts/new-name.md#part" >}}'],
    ['content path without slash', '{{< ref "posts/old-name.md" >}}', '{{< ref "posts/new-name.md" >}}'],
    ['relative up', '{{% relref "../posts/old-name" %}}', '{{% relref "../posts/new-name" %}}'],
    ['named path param, backquotes', '{{< ref path=`/posts/old-name` >}}', '{{< ref path=`/posts/new-name` >}}'],
    ['unquoted', '{{< ref /posts/old-name >}}', '{{< ref /posts/new-name >}}'],
    ['mixed case', '{{< ref "/Posts/Old-Name" >}}', '{{< ref "/posts/new-name" >}}'],
  ]
  for (const [name, before, after] of cases) {
    it(`rewrites ${name}`, () => {
      const files = { 'content/about/me.md': `See ${before} now.\n`, [target]: 'x\n' }
      expect(run(files, [moved])['content/about/me.md']).toBe(`See ${after} now.\n`)
    })
  }

  it('rewrites relative refs from a sibling, and leaves other refs alone', () => {
    const files = { 'content/posts/sib.md': 'A {{< ref "old-name" >}} {{< ref "other" >}}\n', [target]: '', 'content/posts/other.md': '' }
    expect(run(files, [moved])['content/posts/sib.md']).toBe('A {{< ref "new-name" >}} {{< ref "other" >}}\n')
  })

  it('moves into another section: relative refs in the moved article and to it follow', () => {
    const files = {
      'content/posts/a.md': '[x]({{< relref "old-name.md" >}}) and {{< ref "./old-name" >}}\n',
      [target]: 'Back to {{< ref "a.md" >}} and {{< ref "/posts/a" >}}\n',
      'content/notes/n.md': '',
    }
    const out = run(files, [leafMove(target, 'content/notes/old-name.md')])
    // NOTE: Hugo tries a page-relative path first, so `old-name.md` was relative and stays relative.
    expect(out['content/posts/a.md']).toBe('[x]({{< relref "../notes/old-name.md" >}}) and {{< ref "../notes/old-name" >}}\n')
    expect(out[target]).toBe('Back to {{< ref "../posts/a.md" >}} and {{< ref "/posts/a" >}}\n')
  })

  it('turns a leaf into a bundle (x.md -> x/index.md) in every spelling', () => {
    const files = { 'content/a.md': 'A {{< ref "/posts/old-name.md" >}} {{< ref "/posts/old-name" >}} [l](posts/old-name.md)\n', [target]: '' }
    const out = run(files, [leafMove(target, 'content/posts/old-name/index.md')])
    expect(out['content/a.md']).toBe('A {{< ref "/posts/old-name/index.md" >}} {{< ref "/posts/old-name" >}} [l](posts/old-name/index.md)\n')
  })

  it('a bundle moves whole: refs by folder, links to its resources, its own resource links untouched', () => {
    const files = {
      'content/posts/b/index.md': '![c](cover.png) [up]({{< relref "../posts/a" >}}) [s](../a.md)\n',
      'content/posts/a.md': 'A {{< ref "/posts/b" >}} {{< ref "b" >}} {{< ref "/b" >}} ![c](b/cover.png) [d](b/files/doc.pdf) {{< ref "/posts/b/index.md" >}}\n',
    }
    const out = run(files, [{ from: 'content/posts/b', to: 'content/notes/b2', isFolder: true }])
    expect(out['content/posts/a.md']).toBe('A {{< ref "/notes/b2" >}} {{< ref "../notes/b2" >}} {{< ref "/b2" >}} ![c](../notes/b2/cover.png) [d](../notes/b2/files/doc.pdf) {{< ref "/notes/b2/index.md" >}}\n')
    expect(out['content/posts/b/index.md']).toBe('![c](cover.png) [up]({{< relref "../posts/a" >}}) [s](../../posts/a.md)\n')
  })

  it('keeps relative Markdown links working in both directions, with anchors, ./ and %20', () => {
    const files = {
      'content/posts/deep/x.md': '[a](../../top.md#h) [b](./sib%20name.md) [c](sib%20name.md)\n',
      'content/top.md': '[x](posts/deep/x.md#part)\n',
      'content/posts/deep/sib name.md': '',
    }
    const out = run(files, [leafMove('content/posts/deep/x.md', 'content/x.md')])
    expect(out['content/posts/deep/x.md']).toBe('[a](top.md#h) [b](./posts/deep/sib%20name.md) [c](posts/deep/sib%20name.md)\n')
    expect(out['content/top.md']).toBe('[x](x.md#part)\n')
  })

  it('falls back to an absolute ref when the bare name becomes ambiguous', () => {
    const files = { 'content/a.md': 'A {{< ref "old-name" >}}\n', [target]: '', 'content/notes/new-name.md': '' }
    expect(run(files, [moved])['content/a.md']).toBe('A {{< ref "/posts/new-name.md" >}}\n')
  })

  it('changes nothing when nothing points at the moved article', () => {
    const files = { 'content/a.md': 'A {{< ref "other" >}} [x](other.md) [e](https://x.org/old-name.md)\n', [target]: '', 'content/other.md': '' }
    expect(run(files, [moved])).toEqual({})
  })
})

describe('findInboundLinks', () => {
  it('lists refs and relative links to an article, with lines, not its own', () => {
    const files = new Map(Object.entries({
      'content/a.md': 'one\n{{< ref "gone" >}}\n[x](posts/gone.md)\n',
      'content/posts/gone.md': '{{< ref "gone" >}}\n',
      'content/b.md': '[y](elsewhere.md)\n',
    }))
    const found = findInboundLinks(world([...files.keys()]), [leafMove('content/posts/gone.md', '')], files)
    expect(found).toEqual([{ path: 'content/a.md', line: 2, value: 'gone' }, { path: 'content/a.md', line: 3, value: 'posts/gone.md' }])
  })
})
