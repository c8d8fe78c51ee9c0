import './dom-shims'
import { render } from '@testing-library/react'
import { createRoot } from 'react-dom/client'
import { act } from 'react'
import { App } from '@renderer/App'
import type { BuildStatus } from '@shared/api'
import { earlyIndexRows, type EarlyData } from '@shared/early-data'
import { firstScreenHtml } from '@shared/first-screen'
import { FakeApi } from './fake-api'
import { defaultFiles } from './render-app'

// NOTE: the served first screen (src/shared/first-screen.ts) is hand-written HTML standing in for React's first render
// until React replaces it; these tests fail when the two drift apart (a class, a text, a badge, a button).
async function earlyOf(api: FakeApi): Promise<EarlyData> {
  const index = await api.getArticleIndex({ after: null, limit: earlyIndexRows })
  // NOTE: the fake has no build verdicts; two rows get one here, so every summary badge is compared.
  const verdicts: Record<string, BuildStatus> = { 'posts/later.md': 'future', 'posts/dated.md': 'expired' }
  const articles = index.ok ? index.value.articles.map((a) => ({ ...a, buildStatus: verdicts[a.path] ?? a.buildStatus })) : []
  return { folder: await api.getFolder(), index: index.ok ? { ...index, value: { ...index.value, articles } } : index }
}

function staticScreen(data: EarlyData): HTMLElement {
  const host = document.createElement('div')
  host.innerHTML = firstScreenHtml(data) ?? ''
  return host
}

/** An element as the writer sees it: tag, classes, text, title and state attributes (not ids, which React makes). */
function shape(element: Element): string {
  const attributes = ['class', 'title', 'disabled', 'aria-pressed', 'aria-haspopup', 'aria-label', 'aria-selected', 'aria-posinset', 'aria-setsize', 'role', 'placeholder', 'type', 'style']
  const own = attributes.map((name) => (element.hasAttribute(name) ? `${name}=${element.getAttribute(name)}` : '')).filter(Boolean).join(' ')
  const children = [...element.childNodes].map((node) => (node instanceof Element ? shape(node) : (node.textContent ?? ''))).join('')
  return `<${element.tagName.toLowerCase()} ${own}>${children}</>`
}

const files = { ...defaultFiles(), 'posts/dated.md': '---\ntitle: Dated\ndate: 2024-03-05\n---\n', 'posts/later.md': '---\ntitle: Later\ndate: 2999-01-01\n---\n' }

describe('the served first screen', () => {
  beforeEach(() => localStorage.clear())

  it("has React's first render's toolbar, list status and rows: same classes, texts, badges and states", async () => {
    const api = new FakeApi(files)
    const data = await earlyOf(api)
    const served = staticScreen(data)
    const { container } = render(<App api={api} early={{ data, firstPage: null }} />)
    const toolbar = (root: ParentNode) => shape(root.querySelector('header.toolbar') as Element)
    expect(toolbar(served)).toBe(toolbar(container))
    const status = (root: ParentNode) => root.querySelector('.article-list-status p')?.textContent
    expect(status(served)).toBe(status(container))
    const rows = (root: ParentNode) => [...root.querySelectorAll('[role=listbox] > .article-item')].map(shape)
    expect(rows(served).length).toBe(Object.keys(files).length)
    expect(rows(served)).toEqual(rows(container).slice(0, rows(served).length))
    expect(rows(served).join('')).toMatch(/item-badge-draft.*item-badge-error|item-badge-error.*item-badge-draft/)
    expect(rows(served).join('')).toContain('item-badge-scheduled')
    expect(rows(served).join('')).toContain('item-badge-expired')
    const filter = (root: ParentNode) => [...(root.querySelector('.article-filter')?.children ?? [])].map((e) => `${e.tagName} ${e.getAttribute('placeholder') ?? e.textContent}`)
    expect(filter(served)).toEqual(filter(container))
  })

  it('is replaced by React in its first commit: the rows are never gone in between', async () => {
    const api = new FakeApi(files)
    const data = await earlyOf(api)
    const rootElement = document.createElement('div')
    rootElement.innerHTML = firstScreenHtml(data) ?? ''
    document.body.append(rootElement)
    const counts: number[] = []
    const observer = new MutationObserver(() => counts.push(rootElement.querySelectorAll('.article-item').length))
    observer.observe(rootElement, { childList: true, subtree: true })
    const root = createRoot(rootElement)
    await act(async () => {
      root.render(<App api={api} early={{ data, firstPage: null }} />)
      // NOTE: lets the effects' first answers (the list's own page) land too, as they would in the page.
      await api.getFolder()
    })
    observer.disconnect()
    expect(rootElement.querySelector('.first-screen')).toBeNull()
    expect(rootElement.querySelectorAll('[role=option]').length).toBe(Object.keys(files).length)
    expect(counts.length).toBeGreaterThan(0)
    expect(Math.min(...counts)).toBeGreaterThan(0)
    act(() => root.unmount())
    rootElement.remove()
  })
})
