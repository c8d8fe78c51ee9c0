// @vitest-environment jsdom
import { renderMarkdown, sanitizeHtml } from '@shared/markdown'
import { sanitizeApart } from '@shared/markdown/sanitize-apart'
import vectors from '../../../fixtures/xss-vectors.json'
import { commonmarkCases } from './commonmark-cases'
import { purify } from './purify'

const rich = [
  '# Title {#custom}\n\nText[^1] with a [ref][r], `code`, **bold**, https://example.org and ![img](https://images.example/i.png "t").\n',
  '| a | b |\n|---|:-:|\n| 1 | *2* |\n\n> [!NOTE]\n> An alert.\n\n> quote\n> > nested\n',
  '{{< figure src="x.png" >}}\n\n- [ ] task\n- [x] done\n  1. nested\n\nTerm\n: Definition\n\n```go\nfunc main() { if a < b && c > d {} }\n```\n',
  '    indented & code\n\n***\n\nA "quoted" --- text...\n\n[r]: https://example.org/r\n[^1]: The note, *with* a [link](javascript:alert(1)).\n',
].join('\n')

/** The blocks of Markdown's own markup (no raw HTML) in `texts`, as the preview would send them. */
function plainBlocks(texts: readonly string[]): string[] {
  return texts.flatMap((text) => renderMarkdown(text).blocks.filter((block) => block.raw === '').map((block) => block.html))
}

describe('sanitizeApart', () => {
  const blocks = plainBlocks([rich, ...commonmarkCases.map(([, markdown]) => markdown), ...vectors.map((v) => v.markdown)])

  it('answers what sanitizing each closed block alone answers, in one pass', () => {
    expect(blocks.length).toBeGreaterThan(80)
    for (const options of [{}, { allowRemoteImages: true }]) {
      const alone = blocks.map((html) => sanitizeHtml(html, purify, options))
      expect(sanitizeApart(blocks, purify, options)).toEqual(alone)
      // In runs of a few, as the preview sends them.
      for (let at = 0; at < blocks.length; at += 7) expect(sanitizeApart(blocks.slice(at, at + 7), purify, options)).toEqual(alone.slice(at, at + 7))
    }
  })

  it('answers what sanitizing each footnote item alone answers (the preview sanitizes a long list a part at a time)', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Text.[^${i}]\n\n[^${i}]: Note ${i} with *emphasis*, \`code\` and a [link](https://example.org/${i}).\n`).join('\n')
    const list = renderMarkdown(text).blocks.at(-1)?.html ?? ''
    const items = list.slice(list.indexOf('<li '), list.lastIndexOf('</ol>')).split(/(?=<li id="fn\d+" class="footnote-item">)/)
    expect(items).toHaveLength(40)
    expect(sanitizeApart(items, purify)).toEqual(items.map((item) => sanitizeHtml(item, purify)))
  })

  it('answers null when a piece swallows the separators after it, so the caller sanitizes each alone', () => {
    for (const swallower of ['<!--', '<textarea>', '<title>', '<xmp>']) {
      expect(sanitizeApart(['<p>one</p>', `<p>${swallower}two</p>`, '<p>three</p>', '<p>four</p>'], purify)).toBeNull()
    }
  })

  it('keeps a separator an author wrote inside its piece (the real ones carry a random name)', () => {
    const forged = ['<p>one</p>', '<hr data-folio-apart="0">', '<hr data-folio-apart="">', '<p>four</p>']
    const parts = sanitizeApart(forged, purify)
    expect(parts).toEqual(forged.map((html) => sanitizeHtml(html, purify)))
  })

  it('sanitizes in the pass: no script or handler survives whichever piece it is in', () => {
    const parts = sanitizeApart(['<p onclick="x()">a</p>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">b</a>'], purify)
    expect(parts?.join('')).not.toMatch(/onclick|onerror|javascript:/)
    expect(parts).toHaveLength(3)
  })
})
