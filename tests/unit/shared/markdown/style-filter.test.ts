// @vitest-environment jsdom
import { sanitizeHtml } from '@shared/markdown'
import { filterStyle, isSafeSvgReference } from '../../../../src/shared/markdown/style-filter'
import { parse, purify } from './purify'

// CSS escapes and comments hide url() from any regular expression over the raw text: only short, plainly safe
// declarations survive, so what reaches the preview or an export can fetch nothing.
const smuggled = [
  String.raw`background: \75 rl(file:///etc/passwd)`,
  String.raw`background-image: u\rl(http://evil.example/x.png)`,
  String.raw`background: \000075rl(//evil.example/x)`,
  'background: ur/**/l(//evil.example/x)',
  'background-image: image-set("//evil.example/x" 1x)',
  'width: expression(alert(1))',
  'color: red; background: url(//evil.example/x)',
  "list-style-image: url('//evil.example/x')",
  'behavior: url(x.htc)',
  '-moz-binding: url(//evil.example/x.xml#b)',
  'color: red; content: "\\75 rl(x)"',
  'font-family: "a;background:url(//evil.example/x)"',
]

describe('style filter', () => {
  it('keeps plain layout and colour declarations, normalised', () => {
    expect(filterStyle('color:red;TEXT-ALIGN: center; width: 50%')).toBe('color: red; text-align: center; width: 50%')
    expect(filterStyle('background-color: rgb(10, 20, 30); border: 1px solid #ccc')).toBe('background-color: rgb(10, 20, 30); border: 1px solid #ccc')
    expect(filterStyle('font-weight: bold !important')).toBe('font-weight: bold !important')
  })

  it('drops every declaration that could fetch or hide a fetch behind escapes or comments', () => {
    for (const style of smuggled) expect(filterStyle(style), style).not.toMatch(/url|image-set|expression|\\|binding|behavior/i)
    expect(filterStyle('color: red; background: url(//evil.example/x)')).toBe('color: red')
    expect(filterStyle(String.raw`color: red; background: \75 rl(x)`)).toBe('')
  })

  it('keeps SVG references to the document only', () => {
    expect(isSafeSvgReference('url(#grad)')).toBe(true)
    expect(isSafeSvgReference('red')).toBe(true)
    expect(isSafeSvgReference('url(http://evil.example/x.svg#a)')).toBe(false)
    expect(isSafeSvgReference(String.raw`\75 rl(#a)`)).toBe(false)
  })

  it('sanitizeHtml applies it to every element, SVG included', () => {
    for (const style of smuggled) {
      const root = parse(sanitizeHtml(`<p style='${style.replace(/'/g, '&#39;')}'>text</p>`, purify))
      const kept = root.querySelector('p')?.getAttribute('style') ?? ''
      expect(kept, style).not.toMatch(/url|\\|expression|image-set/i)
      expect(root.textContent).toBe('text')
    }
    const svg = parse(sanitizeHtml('<svg><rect fill="url(file:///etc/x.svg#a)" stroke="url(#ok)"/></svg>', purify))
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBeNull()
    expect(svg.querySelector('rect')?.getAttribute('stroke')).toBe('url(#ok)')
  })
})
