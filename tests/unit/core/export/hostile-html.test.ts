import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderArticleHtml } from '../../../../src/core/export/html-document'
import { sampleSite } from './helpers'

async function exported(body: string): Promise<string> {
  const place = { articleDir: path.join(sampleSite, 'content'), siteRoot: sampleSite, isPageBundle: false }
  const result = await renderArticleHtml(`---\ntitle: Hostile\n---\n${body}`, place, new Date('2026-01-01T00:00:00Z'))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.html
}

describe('HTML export of hostile markup', () => {
  it('keeps no style that could fetch, whatever escapes or comments hide it', async () => {
    const html = await exported(
      [
        String.raw`<p style="background: \75 rl(file:///etc/passwd)">one</p>`,
        String.raw`<p style="background-image: u\rl(http://evil.example/x.png); color: red">two</p>`,
        '<p style="background: ur/**/l(//evil.example/x)">three</p>',
        '<svg><rect fill="url(file:///etc/x.svg#a)"/></svg>',
        '',
      ].join('\n\n'),
    )
    expect(html).not.toMatch(/rl\(|\\|file:|evil\.example/)
    expect(html).toContain('one')
    expect(html).toContain('two')
    expect(html).toContain('three')
  })
})

describe('sanitizing never eats content silently', () => {
  it('keeps every block after a <base> + unclosed <noscript>, with a notice naming the line', async () => {
    const html = await exported('Before\n\n<base href="http://evil.example/">\n<noscript><p title="</noscript><img src=x onerror=alert(1)>">\n\nAfter one.\n\nAfter two.\n')
    expect(html).toContain('Before')
    expect(html).toContain('After one.')
    expect(html).toContain('After two.')
    expect(html).toContain('Part of this article could not be shown safely (line 6).')
    expect(html).not.toMatch(/onerror|<base|<noscript/i)
  })
})
