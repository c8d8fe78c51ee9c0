import { hugoAnchorName, renderMarkdown } from '@shared/markdown'

const ids = (md: string): string[] => Array.from(renderMarkdown(md).html.matchAll(/<h\d[^>]* id="([^"]*)"/g), (m) => m[1] ?? '')

describe('hugoAnchorName (Goldmark autoHeadingIDType: github)', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Trim me  ', 'trim-me'],
    ['Hello, World!', 'hello-world'],
    ['a -- b', 'a----b'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['Version 2.0 (beta)', 'version-20-beta'],
    ['Ünïcödé Straße', 'ünïcödé-straße'],
    ['日本語 見出し', '日本語-見出し'],
    ['IS-K’s rise', 'is-ks-rise'],
    ['?!', 'heading'],
    ['', 'heading'],
  ])('%j -> %j', (text, id) => {
    expect(hugoAnchorName(text)).toBe(id)
  })
})

describe('heading ids in rendered HTML', () => {
  it('uses the heading source as Goldmark does (markup punctuation dropped) and dedupes with -1, -2', () => {
    expect(ids('# **Bold** `code`\n\n## Same\n\n## Same\n\nSame\n----')).toEqual(['bold-code', 'same', 'same-1', 'same-2'])
  })

  it('keeps link destinations and entity names, like Goldmark, which reads the raw line', () => {
    expect(ids('## See [the docs](https://gohugo.io/) &amp; more')).toEqual(['see-the-docshttpsgohugoio-amp-more'])
  })

  it('uses only the last line of a multi-line setext heading', () => {
    expect(ids('First line\nSecond line\n===')).toEqual(['second-line'])
  })

  it('reads the source before typography turns quotes into punctuation', () => {
    expect(ids(`## Russia's "rise" -- now`)).toEqual(['russias-rise----now'])
  })

  it('honours Goldmark heading attributes {#id .class} and strips them from the text', () => {
    const html = renderMarkdown('## Custom {#my-id .note}\n\n## my-id').html
    expect(html).toContain('<h2 class="note" id="my-id" data-source-line="1">Custom</h2>')
    expect(ids('## Custom {#my-id}\n\n## my-id')).toEqual(['my-id', 'my-id-1'])
  })

  it('does not treat other braces as attributes', () => {
    expect(renderMarkdown('## Set {a, b}').html).toContain('>Set {a, b}</h2>')
  })

  it('starts every render afresh', () => {
    expect(ids('# A')).toEqual(['a'])
    expect(ids('# A')).toEqual(['a'])
  })
})
