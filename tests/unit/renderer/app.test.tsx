import './dom-shims'
import { act, fireEvent, screen, within, waitFor } from '@testing-library/react'
import { undo } from '@codemirror/commands'
import { renderApp, openArticle, form, editorView } from './render-app'
import { helloText, otherText } from './fixtures'

describe('App', () => {
  beforeEach(() => localStorage.clear())

  it('lists articles as options named by title, or by path when untitled', async () => {
    renderApp()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    const names = within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label'))
    expect(names).toEqual(['notes.md', 'posts/broken.md', 'Hello world', 'Second post'])
    expect(within(list).getByRole('option', { name: 'Second post' }).textContent).toContain('Draft')
    expect(within(list).getByRole('option', { name: 'posts/broken.md' }).textContent).toContain('Front matter error')
  })

  it('filters the list by title or path', async () => {
    renderApp()
    await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.change(screen.getByLabelText('Filter articles'), { target: { value: 'second' } })
    expect(within(screen.getByRole('listbox', { name: 'Articles' })).getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['Second post'])
  })

  it('opens the selected article in the editor and fills the form', async () => {
    renderApp()
    await openArticle('Hello world', helloText)
    const fields = form()
    expect(within(fields).getByLabelText<HTMLInputElement>('title').value).toBe('Hello world')
    expect(within(fields).getByLabelText<HTMLInputElement>('draft').checked).toBe(false)
    expect(within(fields).getByLabelText<HTMLInputElement>('count').value).toBe('3')
    expect(within(fields).getByRole('button', { name: 'Remove rust' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Preview' })).toBeTruthy()
  })

  it('moves with arrow keys and opens with Enter', async () => {
    renderApp()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(list.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { name: 'Hello world' }).id)
    fireEvent.keyDown(list, { key: 'Enter' })
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
  })

  it('writes a form edit into that field\'s line only, and undo reverts it', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    fireEvent.change(within(form()).getByLabelText('title'), { target: { value: 'Hello there' } })
    const lines = view.state.doc.toString().split('\n')
    const original = helloText.split('\n')
    const changed = lines.flatMap((line, i) => (line === original[i] ? [] : [i]))
    expect(changed).toEqual([1])
    expect(lines[1]).toBe('title: "Hello there"')
    act(() => void undo(view))
    expect(view.state.doc.toString()).toBe(helloText)
    expect(within(form()).getByLabelText<HTMLInputElement>('title').value).toBe('Hello world')
  })

  it('removes a chip and toggles a checkbox as edits of those lines', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    fireEvent.click(within(form()).getByRole('button', { name: 'Remove rust' }))
    expect(view.state.doc.toString()).toBe(helloText.replace('  - "rust"\n', ''))
    fireEvent.click(within(form()).getByLabelText('draft'))
    expect(view.state.doc.toString()).toContain('draft: true\n')
  })

  it('updates the form when the text is typed in the editor', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    const at = helloText.indexOf('world')
    act(() => view.dispatch({ changes: { from: at, to: at + 5, insert: 'Folio' }, userEvent: 'input.type' }))
    expect(within(form()).getByLabelText<HTMLInputElement>('title').value).toBe('Hello Folio')
  })

  it('shows front-matter parse errors with their position and no fields', async () => {
    renderApp()
    await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'posts/broken.md' }))
    const alert = await within(await screen.findByRole('form', { name: 'Front matter' })).findByRole('alert')
    expect(alert.textContent).toMatch(/line \d+:\d+/)
    expect(within(form()).queryByLabelText('title')).toBeNull()
  })

  it('switching articles keeps unsaved edits of the first', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'Draft line\n' } }))
    await openArticle('Second post', otherText)
    await openArticle('Hello world', `${helloText}Draft line\n`)
  })

  it('toggles line wrapping from the toolbar and remembers the choice in the user settings', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    const toggle = screen.getByRole('button', { name: 'Wrap lines' })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(true)
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(false)
    await waitFor(() => expect(api.settings.isWrapping).toBe(false))
  })
})
