import './dom-shims'
import { fireEvent, render, screen } from '@testing-library/react'
import type { ArticleSummary } from '@shared/api'
import { ArticleList } from '@renderer/components/ArticleList'

function articles(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `posts/${String(i).padStart(4, '0')}.md`,
    title: `Article ${i}`,
    date: '2025-01-01',
    isDraft: i % 2 === 0,
    format: 'yaml' as const,
  }))
}

describe('ArticleList', () => {
  it('renders only a window of a long list, and says how long the list is', () => {
    render(<ArticleList articles={articles(5000)} activePath={null} dirtyPaths={new Set()} onOpen={() => {}} />)
    const options = screen.getAllByRole('option')
    expect(options.length).toBeGreaterThan(10)
    expect(options.length).toBeLessThan(100)
    expect(options[0].getAttribute('aria-setsize')).toBe('5000')
    expect(options[0].getAttribute('aria-posinset')).toBe('1')
  })

  it('scrolls the keyboard cursor into the window and opens it with Enter', () => {
    const opened: string[] = []
    render(<ArticleList articles={articles(5000)} activePath={null} dirtyPaths={new Set()} onOpen={(p) => opened.push(p)} />)
    const list = screen.getByRole('listbox', { name: 'Articles' })
    fireEvent.keyDown(list, { key: 'End' })
    fireEvent.scroll(list)
    const last = screen.getByRole('option', { name: 'Article 4999' })
    expect(list.getAttribute('aria-activedescendant')).toBe(last.id)
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(opened).toEqual(['posts/4999.md'])
  })

  it('marks the open article selected and shows the dirty marker', () => {
    const list = articles(3)
    render(<ArticleList articles={list} activePath={list[1].path} dirtyPaths={new Set([list[1].path])} onOpen={() => {}} />)
    const option = screen.getByRole('option', { name: 'Article 1' })
    expect(option.getAttribute('aria-selected')).toBe('true')
    expect(option.textContent).toContain('•')
    expect(screen.getByRole('option', { name: 'Article 0' }).textContent).not.toContain('•')
  })
})
