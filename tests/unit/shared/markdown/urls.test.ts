// @vitest-environment jsdom
import { decideUrl, isRemoteUrl, isSafeUrl, renderMarkdown, type ResolveUrl } from '@shared/markdown'
import { parse } from './purify'

const resolveUrl: ResolveUrl = (url, kind) => (url.startsWith('/') ? `folio-asset:///static${url}` : kind === 'image' ? `folio-asset:///bundle/${url}` : null)

describe('URL policy', () => {
  it.each([
    ['javascript:alert(1)', 'link', false],
    ['JaVaScRiPt:alert(1)', 'link', false],
    [' \tjava\nscript:alert(1)', 'link', false],
    ['vbscript:x', 'link', false],
    ['file:///etc/passwd', 'link', false],
    ['data:text/html,<b>', 'link', false],
    ['data:image/png;base64,AAAA', 'link', false],
    ['data:image/png;base64,AAAA', 'image', true],
    ['data:image/svg+xml;base64,AAAA', 'image', false],
    ['https://example.com', 'link', true],
    ['mailto:a@b.c', 'link', true],
    ['../other/', 'link', true],
    ['#fn1', 'link', true],
  ] as const)('isSafeUrl(%j, %s) is %s', (url, kind, expected) => {
    expect(isSafeUrl(url, kind)).toBe(expected)
  })

  it('knows remote URLs, including protocol-relative ones', () => {
    expect(['http://a', 'HTTPS://a', '//a/b.png'].every(isRemoteUrl)).toBe(true)
    expect(['/img/a.png', 'a.png', 'folio-asset:///a.png', 'data:image/png;base64,'].some(isRemoteUrl)).toBe(false)
  })

  it('resolves local URLs, never remote or fragment ones, and scheme-checks what the resolver returns', () => {
    expect(decideUrl('cat.png', 'image', { resolveUrl })).toEqual({ kind: 'keep', url: 'folio-asset:///bundle/cat.png' })
    expect(decideUrl('/img/x.png', 'image', { resolveUrl })).toEqual({ kind: 'keep', url: 'folio-asset:///static/img/x.png' })
    expect(decideUrl('other.md', 'link', { resolveUrl })).toEqual({ kind: 'keep', url: 'other.md' })
    const spy: ResolveUrl = () => 'javascript:alert(1)'
    expect(decideUrl('x', 'link', { resolveUrl: spy })).toEqual({ kind: 'unsafe' })
    let calls = 0
    const counting: ResolveUrl = () => (calls++, null)
    decideUrl('#top', 'link', { resolveUrl: counting })
    decideUrl('https://a/b.png', 'image', { resolveUrl: counting })
    decideUrl('mailto:x@y.z', 'link', { resolveUrl: counting })
    expect(calls).toBe(0)
  })
})

describe('links and images in rendered Markdown', () => {
  it('resolves page-bundle and static images', () => {
    const root = parse(renderMarkdown('![a](cat.png) ![b](/img/x.png)', { resolveUrl }).html)
    expect(Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual([
      'folio-asset:///bundle/cat.png',
      'folio-asset:///static/img/x.png',
    ])
  })

  it('hands the resolver the percent-encoded URL', () => {
    const seen: string[] = []
    renderMarkdown('![a](<my cat.png>)', { resolveUrl: (url) => (seen.push(url), null) })
    expect(seen).toEqual(['my%20cat.png'])
  })

  it('replaces remote images with a placeholder unless allowed', () => {
    const blocked = parse(renderMarkdown('![Chart](https://example.com/c.png)').html)
    expect(blocked.querySelector('img')).toBeNull()
    expect(blocked.querySelector('.remote-image')?.getAttribute('data-remote-src')).toBe('https://example.com/c.png')
    expect(blocked.querySelector('.remote-image')?.textContent).toBe('Remote image: Chart')
    const allowed = parse(renderMarkdown('![Chart](https://example.com/c.png)', { allowRemoteImages: true }).html)
    expect(allowed.querySelector('img')?.getAttribute('src')).toBe('https://example.com/c.png')
  })

  it('removes unsafe link and image URLs', () => {
    const root = parse(renderMarkdown('[x](javascript:alert(1)) ![y](data:text/html,hi) ![z](data:image/gif;base64,R0lGOD==)').html)
    expect(root.querySelector('a[href]')).toBeNull()
    expect(root.querySelectorAll('img').length).toBe(1)
    expect(root.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/gif/)
  })

  it('leaves links the resolver declines untouched', () => {
    const root = parse(renderMarkdown('[a](../post/) [b](https://example.com) [c](#fn)', { resolveUrl }).html)
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['../post/', 'https://example.com', '#fn'])
  })
})
