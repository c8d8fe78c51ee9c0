import { interceptPreviewLinks, linkAction } from '@renderer/preview/link-clicks'

describe('linkAction', () => {
  it('lets only checked http(s) URLs leave, turns #id into a scroll and keeps links inside the folder in the app', () => {
    expect(linkAction('https://gohugo.io/')).toEqual({ kind: 'external', url: 'https://gohugo.io/' })
    expect(linkAction('#caf%C3%A9')).toEqual({ kind: 'anchor', id: 'café' })
    expect(linkAction('other.md')).toEqual({ kind: 'local', href: 'other.md' })
    expect(linkAction('/posts/x/')).toEqual({ kind: 'local', href: '/posts/x/' })
    for (const href of [null, '#', '#%E0%A4%A', 'javascript:alert(1)', 'https://u:p@x.example/', 'mailto:a@b.c', 'file:///etc/passwd', '//evil.example/']) {
      expect(linkAction(href), String(href)).toEqual({ kind: 'ignore' })
    }
  })
})

describe('interceptPreviewLinks', () => {
  it('prevents every link navigation and stops after disposal', () => {
    const doc = document.implementation.createHTMLDocument('frame')
    doc.body.innerHTML = '<a href="https://gohugo.io/"><b>go</b></a><a href="other.md">other</a><p>text</p>'
    const opened: string[] = []
    const local: string[] = []
    const dispose = interceptPreviewLinks(doc, (url) => opened.push(url), (href) => local.push(href))
    const click = (element: Element, init: MouseEventInit = {}) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init })
      element.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(click(doc.querySelector('b') as Element)).toBe(true)
    expect(click(doc.querySelector('a[href="other.md"]') as Element)).toBe(true)
    expect(click(doc.querySelector('p') as Element)).toBe(false)
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })
    doc.querySelector('a')?.dispatchEvent(middle)
    expect(middle.defaultPrevented).toBe(true)
    expect(opened).toEqual(['https://gohugo.io/'])
    expect(local).toEqual(['other.md'])
    dispose()
    expect(click(doc.querySelector('b') as Element)).toBe(false)
  })
})
