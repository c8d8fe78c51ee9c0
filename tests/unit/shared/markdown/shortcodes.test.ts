// @vitest-environment jsdom
import { renderMarkdown } from '@shared/markdown'
import { parse } from './purify'

const render = (md: string, resolve = false): Element =>
  parse(renderMarkdown(md, resolve ? { resolveUrl: (url) => `folio-asset:///${url}` } : {}).html)

describe('Hugo shortcodes', () => {
  it('renders an unknown standalone shortcode as a labelled block placeholder with its args', () => {
    const root = render('{{< gallery dir="/img" 3 >}}')
    const el = root.querySelector('div.shortcode')
    expect(el?.getAttribute('data-shortcode')).toBe('gallery')
    expect(el?.textContent).toBe('{{< gallery 3 dir="/img" >}}')
    expect(el?.getAttribute('data-source-line')).toBe('1')
  })

  it('renders paired {{% %}} shortcodes with their inner Markdown, keeping source lines', () => {
    const root = render('intro\n\n{{% note kind="tip" %}}\nSome **bold** text.\n\n- item\n{{% /note %}}\n\nafter')
    const box = root.querySelector('div.shortcode-paired')
    expect(box?.getAttribute('data-shortcode')).toBe('note')
    expect(box?.querySelector('.shortcode-tag')?.textContent).toBe('{{% note kind="tip" %}}')
    expect(box?.querySelector('strong')?.textContent).toBe('bold')
    expect(box?.querySelector('p')?.getAttribute('data-source-line')).toBe('4')
    expect(box?.querySelector('li')?.textContent).toBe('item')
    expect(root.querySelectorAll('p')[2]?.textContent).toBe('after')
  })

  it('matches nested paired shortcodes of the same name', () => {
    const root = render('{{< box >}}\n{{< box >}}\ninner\n{{< /box >}}\n{{< /box >}}')
    expect(root.querySelectorAll('.shortcode-paired .shortcode-paired p').length).toBe(1)
  })

  it('renders figure as an image with caption, resolving its src', () => {
    const root = render('{{< figure src="cat.jpg" alt="A cat" title="Cat" caption="Sleeping *cat*" attr="me" >}}', true)
    const fig = root.querySelector('figure.shortcode-figure')
    expect(fig?.querySelector('img')?.getAttribute('src')).toBe('folio-asset:///cat.jpg')
    expect(fig?.querySelector('img')?.getAttribute('alt')).toBe('A cat')
    expect(fig?.querySelector('figcaption em')?.textContent).toBe('cat')
    expect(fig?.querySelector('figcaption')?.textContent).toBe('Cat Sleeping cat me')
  })

  it('accepts a tag spread over several lines', () => {
    const root = render('{{< figure\n  src="a.png"\n  caption="x"\n>}}\n\nnext')
    expect(root.querySelector('figure img')).not.toBeNull()
    expect(root.querySelector('p')?.getAttribute('data-source-line')).toBe('6')
  })

  it('blocks a remote figure image unless allowed', () => {
    expect(render('{{< figure src="https://example.com/a.png" >}}').querySelector('img')).toBeNull()
    const allowed = parse(renderMarkdown('{{< figure src="https://example.com/a.png" >}}', { allowRemoteImages: true }).html)
    expect(allowed.querySelector('img')?.getAttribute('src')).toBe('https://example.com/a.png')
  })

  it('renders youtube as a link to the video, never an embed', () => {
    const root = render('{{< youtube w7Ft2ymGmfc >}}\n\n{{< youtube id="abc_DEF-1" title="Talk" >}}')
    const links = Array.from(root.querySelectorAll('.shortcode-youtube a')).map((a) => [a.getAttribute('href'), a.textContent])
    expect(links).toEqual([
      ['https://www.youtube.com/watch?v=w7Ft2ymGmfc', 'YouTube video: w7Ft2ymGmfc'],
      ['https://www.youtube.com/watch?v=abc_DEF-1', 'YouTube video: Talk'],
    ])
    expect(root.querySelector('iframe')).toBeNull()
  })

  it('renders ref and relref as links, also inside Markdown link destinations', () => {
    const root = render('See {{< ref "blog/post.md" >}} and [this post]({{< relref "other.md" >}}).', true)
    const links = Array.from(root.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.textContent])
    expect(links).toEqual([
      ['folio-asset:///blog/post.md', 'blog/post.md'],
      ['folio-asset:///other.md', 'this post'],
    ])
  })

  it('renders inline shortcodes as spans inside the paragraph', () => {
    const root = render('Text {{< icon name="star" >}} and {{% mark %}}hi{{% /mark %}} end.')
    const spans = Array.from(root.querySelectorAll('p > span.shortcode')).map((s) => s.textContent)
    expect(spans).toEqual(['{{< icon name="star" >}}', '{{% mark %}}', '{{% /mark %}}'])
  })

  it('prints escaped shortcodes literally, in text and in code blocks, as Hugo does', () => {
    const root = render('Write {{</* figure src="x" */>}} like this.\n\n```\n{{%/* note */%}}\n```')
    expect(root.querySelector('p')?.textContent).toBe('Write {{< figure src="x" >}} like this.')
    expect(root.querySelector('code')?.textContent).toBe('{{% note %}}\n')
    expect(render('Use `{{</* ref "x" */>}}` here.').querySelector('code')?.textContent).toBe('{{< ref "x" >}}')
  })

  it('renders highlight as a code block without Markdown processing', () => {
    const root = render('{{< highlight go >}}\nx := *y*\n{{< /highlight >}}')
    expect(root.querySelector('pre code.language-go')?.textContent).toBe('x := *y*\n')
  })

  it('leaves text that only looks like a shortcode alone', () => {
    expect(render('a {{ .Title }} b {{<').querySelector('p')?.textContent).toBe('a {{ .Title }} b {{<')
    expect(render('    {{< indented code >}}').querySelector('pre code')?.textContent).toBe('{{< indented code >}}\n')
  })
})
