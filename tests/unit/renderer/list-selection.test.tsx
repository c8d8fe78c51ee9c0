import './dom-shims'
import { fireEvent, screen, within } from '@testing-library/react'
import { renderApp } from './render-app'

describe('picking several rows in the list', () => {
  beforeEach(() => localStorage.clear())

  it('Space and Ctrl/Cmd+click pick rows, Shift+click picks a range, Escape clears; a plain click opens one', async () => {
    renderApp()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    expect(list.getAttribute('aria-multiselectable')).toBe('true')
    const option = (name: string) => within(list).getByRole('option', { name })
    const status = () => screen.getAllByRole('status').map((s) => s.textContent).join(' ')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: ' ' })
    expect(status()).toContain('1 selected')
    expect(option('notes.md').getAttribute('aria-selected')).toBe('true')
    fireEvent.click(option('Hello world'), { shiftKey: true })
    expect(status()).toContain('3 selected')
    expect(['notes.md', 'posts/broken.md', 'Hello world'].map((n) => option(n).getAttribute('aria-selected'))).toEqual(['true', 'true', 'true'])
    expect(option('Second post').getAttribute('aria-selected')).toBe('false')
    fireEvent.click(option('Second post'), { ctrlKey: true })
    expect(status()).toContain('4 selected')
    fireEvent.click(option('Second post'), { metaKey: true })
    expect(status()).toContain('3 selected')
    fireEvent.keyDown(list, { key: 'Escape' })
    expect(status()).not.toContain('selected')
    fireEvent.click(option('Second post'), { ctrlKey: true })
    fireEvent.click(option('Hello world'))
    expect(status()).not.toContain('selected')
  })
})
