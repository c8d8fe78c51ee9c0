import './dom-shims'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { ArticleSummary, SearchResults } from '@shared/api'
import { ok } from '@shared/result'
import { ArticleList } from '@renderer/components/ArticleList'
import { ArticleIndexContext } from '@renderer/components/article-index-context'

const articles: ArticleSummary[] = Array.from({ length: 300 }, (_, i) => ({
  path: `posts/${String(i).padStart(3, '0')}.md`,
  title: `Article ${i}`,
  date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
  isDraft: i % 10 === 0,
  format: 'yaml' as const,
  tags: i % 2 === 0 ? ['even'] : ['odd'],
  categories: [],
  buildStatus: i % 10 === 0 ? ('draft' as const) : ('published' as const),
}))

function renderList(onOpen: (p: string) => void = () => {}, listing: { done: number; total: number } | null = null) {
  const queries: string[] = []
  const search = (query: string) => {
    queries.push(query)
    const results: SearchResults = {
      query,
      total: 1,
      isComplete: true,
      hits: [{ path: 'posts/007.md', title: 'Article 7', snippets: [{ text: 'the harbour at dawn', highlights: [[4, 11]] }] }],
    }
    return Promise.resolve(ok(results))
  }
  render(
    <ArticleIndexContext.Provider value={{ progress: listing === null ? { done: 12345, total: 50000 } : null, listing, search }}>
      <ArticleList articles={articles} activePath={null} dirtyPaths={new Set()} onOpen={onOpen} />
    </ArticleIndexContext.Provider>,
  )
  return { queries }
}

describe('ArticleList with the folder index', () => {
  it('shows indexing progress and filters by a tag facet with counts', () => {
    renderList()
    expect(screen.getByRole('status').textContent).toContain('Indexing 12,345 of 50,000')
    fireEvent.click(screen.getByRole('button', { name: /Sort and filter/ }))
    const tag = screen.getByLabelText('Tag')
    expect(within(tag).getByRole('option', { name: 'even (150)' })).toBeTruthy()
    fireEvent.change(tag, { target: { value: 'odd' } })
    const list = screen.getByRole('listbox', { name: 'Articles' })
    expect(within(list).getAllByRole('option')[0]?.getAttribute('aria-setsize')).toBe('150')
    expect(within(list).getByRole('option', { name: 'Article 1' })).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'title' } })
    expect(within(list).getAllByRole('option')[0]?.getAttribute('aria-label')).toBe('Article 1')
  })

  it('counts against every article of the index while the list is still paging in, not against the rows in hand', () => {
    renderList(undefined, { done: 300, total: 50_000 })
    expect(screen.getByRole('status').textContent).toBe('300 of 50,000 articles, still listing')
  })

  it('shows folder search results with marked snippets in the same list', async () => {
    vi.useFakeTimers()
    try {
      const opened: string[] = []
      const { queries } = renderList((p) => opened.push(p))
      fireEvent.change(screen.getByLabelText('Search folder'), { target: { value: 'harbour' } })
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200)
      })
      expect(queries).toEqual(['harbour'])
      const list = screen.getByRole('listbox', { name: 'Articles' })
      const hit = within(list).getByRole('option', { name: 'Article 7' })
      expect(hit.querySelector('mark')?.textContent).toBe('harbour')
      expect(within(list).getAllByRole('option').length).toBe(1)
      fireEvent.click(hit)
      expect(opened).toEqual(['posts/007.md'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('opens quick open with Ctrl+P and opens the chosen article with Enter', () => {
    const opened: string[] = []
    renderList((p) => opened.push(p))
    fireEvent.keyDown(window, { key: 'p', ctrlKey: true })
    const dialog = screen.getByRole('dialog', { name: 'Quick open' })
    fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: 'article 29' } })
    expect(within(dialog).getAllByRole('option')[0]?.getAttribute('aria-label')).toBe('Article 29')
    fireEvent.keyDown(within(dialog).getByRole('combobox'), { key: 'Enter' })
    expect(opened).toEqual(['posts/029.md'])
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('keeps the quick-open match chosen with the arrow keys in view', () => {
    // NOTE: jsdom has no scrollIntoView; the component calls it only where it exists.
    const scrolled: string[] = []
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value: function (this: Element) {
        scrolled.push(this.getAttribute('aria-label') ?? '')
      },
    })
    try {
      renderList()
      fireEvent.keyDown(window, { key: 'p', ctrlKey: true })
      const input = within(screen.getByRole('dialog', { name: 'Quick open' })).getByRole('combobox')
      fireEvent.change(input, { target: { value: 'article 2' } })
      fireEvent.keyDown(input, { key: 'ArrowDown' })
      fireEvent.keyDown(input, { key: 'ArrowDown' })
      const options = within(screen.getByRole('listbox', { name: 'Matching articles' })).getAllByRole('option')
      expect(options[2]?.getAttribute('aria-selected')).toBe('true')
      expect(scrolled.at(-1)).toBe(options[2]?.getAttribute('aria-label'))
    } finally {
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView')
    }
  })

  it('focuses the folder search with Ctrl+Shift+F', () => {
    renderList()
    fireEvent.keyDown(window, { key: 'F', ctrlKey: true, shiftKey: true })
    expect(document.activeElement).toBe(screen.getByLabelText('Search folder'))
  })
})
