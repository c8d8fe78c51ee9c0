// @vitest-environment jsdom
import { renderHeader, renderMarkdown, sanitizeHtml } from '@shared/markdown'
import vectors from '../../../fixtures/xss-vectors.json'
import { parse, purify } from './purify'

const FORBIDDEN_TAGS = 'script, iframe, frame, object, embed, form, base, meta, link, style, noscript, template'
const URL_ATTRS = ['href', 'xlink:href', 'src', 'srcset', 'poster', 'background', 'action', 'formaction', 'data', 'values', 'to', 'from']
const RESOURCE_ATTRS = ['src', 'srcset', 'poster', 'background']

function normalized(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
}

/** Everything that would run script or fetch from the network, found in the parsed output. */
function problemsIn(html: string): string[] {
  const problems: string[] = []
  if (/<script/i.test(html)) problems.push('<script in the text')
  const root = parse(html)
  for (const el of Array.from(root.querySelectorAll(FORBIDDEN_TAGS))) problems.push(`<${el.nodeName.toLowerCase()}> element`)
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const value = normalized(attr.value)
      if (/^on/i.test(attr.name)) problems.push(`event handler ${attr.name}`)
      const urls = attr.name === 'srcset' || attr.name === 'values' ? value.split(/[,;]/) : [value]
      if (URL_ATTRS.includes(attr.name) && urls.some((u) => /^(?:javascript:|vbscript:|data:(?!image\/(?:png|gif|jpeg|webp)))/.test(u))) {
        problems.push(`${attr.name}=${attr.value}`)
      }
      const isResource = RESOURCE_ATTRS.includes(attr.name) || (/href$/.test(attr.name) && !['a', 'area'].includes(el.localName))
      if (isResource && /^(?:https?:)?\/\//.test(value)) problems.push(`remote ${attr.name}`)
      if (attr.name === 'style' && /url\(|expression\(/.test(value)) problems.push(`style ${attr.value}`)
    }
  }
  return problems
}

describe('XSS vectors through renderMarkdown + sanitizeHtml', () => {
  it('has a list worth running', () => {
    expect(vectors.length).toBeGreaterThan(80)
  })

  it.each(vectors)('$name', ({ markdown }) => {
    const html = sanitizeHtml(renderMarkdown(markdown).html, purify)
    expect(problemsIn(html)).toEqual([])
    // NOTE: mutation XSS shows up on the second parse, so serialise and check again.
    expect(problemsIn(parse(html).innerHTML)).toEqual([])
  })

  it.each(vectors)('header field: $name', ({ markdown }) => {
    const header = renderHeader({ title: markdown, tags: [markdown], categories: markdown, thumbnail: markdown, date: markdown })
    expect(problemsIn(sanitizeHtml(header, purify))).toEqual([])
    expect(parse(header).querySelectorAll('script, img[onerror], svg').length).toBe(0)
  })

  it('catches what it looks for when the sanitizer is skipped (the check can fail)', () => {
    expect(problemsIn(renderMarkdown('<img src=x onerror=alert(1)>').html)).not.toEqual([])
    expect(problemsIn('<a href="JaVa&#x0A;Script:alert(1)">x</a>')).not.toEqual([])
  })
})

describe('sanitizeHtml', () => {
  it('keeps source lines, classes, ids and task checkboxes', () => {
    const html = sanitizeHtml(renderMarkdown('# Title here\n\n- [x] done\n\n{{< note >}}').html, purify)
    const root = parse(html)
    expect(root.querySelector('h1')?.getAttribute('id')).toBe('title-here')
    expect(root.querySelector('h1')?.getAttribute('data-source-line')).toBe('1')
    expect(root.querySelector('input[type="checkbox"][checked][disabled]')).not.toBeNull()
    expect(root.querySelector('.shortcode')?.getAttribute('data-shortcode')).toBe('note')
  })

  it('forces rel="noopener noreferrer" on links and keeps safe hrefs', () => {
    const root = parse(sanitizeHtml('<a href="https://example.com" rel="opener" target="_blank">x</a>', purify))
    const a = root.querySelector('a')
    expect(a?.getAttribute('href')).toBe('https://example.com')
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer')
    expect(a?.hasAttribute('target')).toBe(false)
  })

  it('blocks remote images in raw HTML unless allowed, and keeps allowed data images', () => {
    const html = '<img src="https://example.com/a.png" alt="a"><img src="data:image/png;base64,iVBORw0KGgo=" alt="b">'
    const blocked = parse(sanitizeHtml(html, purify)).querySelectorAll('img')
    expect(blocked[0]?.hasAttribute('src')).toBe(false)
    expect(blocked[0]?.getAttribute('data-remote-src')).toBe('https://example.com/a.png')
    expect(blocked[1]?.getAttribute('src')).toMatch(/^data:image\/png/)
    const allowed = parse(sanitizeHtml(html, purify, { allowRemoteImages: true })).querySelector('img')
    expect(allowed?.getAttribute('src')).toBe('https://example.com/a.png')
  })

  it('leaves the DOMPurify instance without our hooks afterwards', () => {
    sanitizeHtml('<a href="https://example.com">x</a>', purify)
    expect(purify.sanitize('<a href="https://example.com">x</a>')).toBe('<a href="https://example.com">x</a>')
  })
})
