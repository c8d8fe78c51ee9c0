import './dom-shims'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { renderApp, openArticle } from './render-app'
import { helloText } from './fixtures'

const bundleText = `---
title: "Trip"
thumbnail: "cover.png"
---

![Cover](cover.png) ![Logo](/img/logo.png) ![Remote](https://images.example/r.png)

[Gohugo](https://gohugo.io/) [Script](javascript:alert(1)) [Top](#trip-notes) [Other](../other/)

## Trip notes
`

/** The preview frame and the body of its document. */
function frame(): { element: HTMLIFrameElement; body: HTMLElement } {
  const element = within(screen.getByRole('region', { name: 'Preview' })).getByTitle<HTMLIFrameElement>('Article preview')
  const body = element.contentDocument?.body
  if (!body) throw new Error('the preview frame has no document')
  return { element, body }
}

describe('preview', () => {
  beforeEach(() => localStorage.clear())

  it('renders the header and body of the opened article inside a sandboxed frame without scripts', async () => {
    renderApp()
    await openArticle('Hello world', helloText)
    await waitFor(() => expect(within(frame().body).getByRole('heading', { name: 'Hello' })).toBeTruthy())
    const { element, body } = frame()
    expect(body.innerHTML).toContain('<em>text</em>')
    expect(element.getAttribute('sandbox')).toBe('allow-same-origin')
    const srcdoc = element.getAttribute('srcdoc') ?? ''
    expect(srcdoc).toContain('http-equiv="Content-Security-Policy"')
    expect(srcdoc).toContain("default-src 'none'")
    expect(srcdoc).not.toContain('<script')
  })

  it('follows typing after a short pause and never shows unsanitised HTML', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    await waitFor(() => expect(within(frame().body).getByRole('heading', { name: 'Hello' })).toBeTruthy())
    const typed = '\n## Typed\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>\n'
    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: typed } }))
    expect(within(frame().body).queryByRole('heading', { name: 'Typed' })).toBeNull()
    await waitFor(() => expect(within(frame().body).getByRole('heading', { name: 'Typed' })).toBeTruthy())
    expect(frame().body.querySelector('script')).toBeNull()
    expect(frame().body.innerHTML).not.toContain('onerror')
  })

  it('waits longer after an edit when its last render was slow (a long article), so renders fall in real pauses', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    await waitFor(() => expect(within(frame().body).getByRole('heading', { name: 'Hello' })).toBeTruthy())
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // NOTE: every reading of the clock 400 ms after the last: each render seems to take 400 ms.
    let clock = performance.now()
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 400))
    onTestFinished(() => now.mockRestore())
    const type = (text: string) =>
      act(() => {
        view.dispatch({ changes: { from: view.state.doc.length, insert: text } })
      })
    const heading = (name: string) => within(frame().body).queryByRole('heading', { name })
    const advance = (ms: number) =>
      act(() => {
        vi.advanceTimersByTime(ms)
      })
    type('\n## First\n')
    advance(2000)
    expect(heading('First')).toBeTruthy()
    type('\n## Second\n')
    advance(1000)
    expect(heading('Second')).toBeNull()
    // NOTE: the render starts at 2,000 ms; on this clock each step of the page seems to take 400 ms, so the page
    // applies the patch a step per slice, in zero timeouts just after.
    advance(1000)
    advance(50)
    expect(heading('Second')).toBeTruthy()
  })

  it('loads bundle images beside the article and /x from static/ through the asset route; remote images only when asked', async () => {
    renderApp({ 'content/posts/trip/index.md': bundleText })
    await openArticle('Trip', bundleText)
    await waitFor(() => expect(within(frame().body).getByRole('img', { name: 'Cover' })).toBeTruthy())
    const srcOf = (name: string) => within(frame().body).queryByRole('img', { name })?.getAttribute('src')
    expect(srcOf('Cover')).toBe(`/asset/content/posts/trip/cover.png`)
    expect(srcOf('Logo')).toBe(`/asset/static/img/logo.png`)
    expect(frame().body.querySelector('.article-thumbnail')?.getAttribute('src')).toBe(`/asset/content/posts/trip/cover.png`)
    expect(frame().body.querySelector('img[src^="https:"]')).toBeNull()
    expect(frame().element.getAttribute('srcdoc')).not.toContain('https:')

    const toggle = screen.getByRole('checkbox', { name: 'Load remote images' })
    expect((toggle as HTMLInputElement).checked).toBe(false)
    fireEvent.click(toggle)
    await waitFor(() => expect(frame().body.querySelector('img[src="https://images.example/r.png"]')).not.toBeNull())
    expect(frame().element.getAttribute('srcdoc')).toContain('img-src')
    expect(frame().element.getAttribute('srcdoc')).toContain('https:')
  })

  it("reads a plain article's relative thumbnail from static/, as Hugo themes do, and a bundle's from the bundle", async () => {
    const plainText = '---\ntitle: "Plain"\nthumbnail:\n  src: "img/logo.png"\n---\n\nBody.\n'
    renderApp({ 'content/posts/plain.md': plainText })
    await openArticle('Plain', plainText)
    await waitFor(() => expect(frame().body.querySelector('.article-thumbnail')?.getAttribute('src')).toBe('/asset/static/img/logo.png'))
  })

  it('opens http(s) links outside the app, scrolls to #anchors and ignores every other link', async () => {
    renderApp({ 'content/posts/trip/index.md': bundleText })
    await openArticle('Trip', bundleText)
    await waitFor(() => expect(within(frame().body).getByRole('link', { name: 'Gohugo' })).toBeTruthy())
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const frameWindow = frame().element.contentWindow as (Window & typeof globalThis) | null
    const scrolled: string[] = []
    if (frameWindow) frameWindow.Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id)
    }
    const click = (name: string) => {
      const link = within(frame().body).getByText(name)
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })
      link.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(click('Gohugo')).toBe(true)
    expect(open).toHaveBeenCalledWith('https://gohugo.io/', '_blank', 'noopener,noreferrer')
    expect(click('Top')).toBe(true)
    expect(scrolled).toEqual(['trip-notes'])
    expect(click('Other')).toBe(true)
    expect(within(frame().body).queryByRole('link', { name: 'Script' })).toBeNull()
    expect(open).toHaveBeenCalledTimes(1)
    open.mockRestore()
  })

  it('shows the article once when the preview is set up again over the same frame document (remote images turned on)', async () => {
    renderApp()
    await openArticle('Hello world', helloText)
    await waitFor(() => expect(within(frame().body).getByRole('heading', { name: 'Hello' })).toBeTruthy())
    const before = frame().body.innerHTML
    // NOTE: the setting sets the preview up again; jsdom keeps the frame's document (as a browser does until the new
    // srcdoc loads, and for good when the asset prefix arrives in browser mode), so the new page starts on a full root.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Load remote images' }))
    await waitFor(() => expect(within(frame().body).getAllByRole('heading', { name: 'Hello' })).toHaveLength(1))
    expect(frame().body.querySelectorAll('.article-header')).toHaveLength(1)
    expect(frame().body.innerHTML).toBe(before)
  })
})
