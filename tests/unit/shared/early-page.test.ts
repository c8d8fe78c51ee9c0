import { describe, expect, it } from 'vitest'
import { isInlinable, stylesheetLinks, withInlineStyles, withTheme } from '@shared/early-page'

const page = '<head><link rel="icon" href="./favicon.png" /><link rel="stylesheet" crossorigin href="./assets/index-a.css"><link rel="modulepreload" href="./x.js"><link rel="stylesheet" href="./assets/b.css"></head>'

describe('the page stylesheets written into the page', () => {
  it('finds the stylesheet links only, in order', () => {
    expect(stylesheetLinks(page).map((link) => link.href)).toEqual(['./assets/index-a.css', './assets/b.css'])
  })

  it('puts a held stylesheet in place of its link and leaves the others linked', () => {
    const inlined = withInlineStyles(page, new Map([['./assets/index-a.css', 'body{margin:0} /* $& $1 */']]))
    expect(inlined).toBe(page.replace('<link rel="stylesheet" crossorigin href="./assets/index-a.css">', () => '<style>body{margin:0} /* $& $1 */</style>'))
  })

  it('never inlines a stylesheet that resolves against its own address or could end the element', () => {
    for (const css of ['a{background:url(./x.png)}', '@import "b.css";', 'a{}</style><script>', 'a{}</STYLE >']) {
      expect(isInlinable(css)).toBe(false)
      expect(withInlineStyles(page, new Map([['./assets/b.css', css]]))).toBe(page)
    }
    expect(isInlinable('.a > .b { color: red }')).toBe(true)
  })
})

describe('withTheme', () => {
  it('writes a chosen light or dark theme on <html>, as the app sets it, and nothing for the system theme', () => {
    const html = '<!doctype html>\n<html lang="en"><head></head></html>'
    expect(withTheme(html, 'dark')).toBe('<!doctype html>\n<html data-theme="dark" lang="en"><head></head></html>')
    expect(withTheme(html, 'light')).toContain('<html data-theme="light" lang="en">')
    expect(withTheme(html, 'system')).toBe(html)
  })
})
