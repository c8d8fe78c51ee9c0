import './dom-shims'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { emptyFolderState } from '@shared/user-state'
import { renderApp, openArticle, editorView, defaultFiles } from './render-app'
import { FakeApi } from './fake-api'
import { App } from '@renderer/App'
import { helloText, otherText } from './fixtures'

describe('session restore per folder', () => {
  beforeEach(() => localStorage.clear())

  it('reopens the saved tabs with the active one and its caret, the list order and filter text, and the outline', async () => {
    const api = new FakeApi(defaultFiles())
    const caret = helloText.indexOf('Some')
    api.folderState = {
      ...emptyFolderState,
      openPaths: ['posts/other.md', 'posts/hello.md', 'posts/gone.md'],
      activePath: 'posts/hello.md',
      cursors: { 'posts/hello.md': caret },
      sort: 'title',
      filters: { text: 'post', tag: null, category: null, status: null, hasErrorsOnly: false },
      isOutlineOpen: true,
    }
    render(<App api={api} />)
    const tabs = await screen.findByRole('tablist', { name: 'Open articles' })
    await waitFor(() => expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Second post', 'Hello world']))
    expect(within(tabs).getByRole('tab', { name: 'Hello world' }).getAttribute('aria-selected')).toBe('true')
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
    expect(editorView().state.selection.main.head).toBe(caret)
    expect(screen.getByLabelText<HTMLInputElement>('Filter articles').value).toBe('post')
    fireEvent.click(screen.getByRole('button', { name: /Sort and filter/ }))
    expect(screen.getByLabelText<HTMLSelectElement>('Sort by').value).toBe('title')
    expect(screen.getByRole('navigation', { name: 'Outline' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('saves the tabs, the active one, carets and the list view as they change (nothing in the content folder)', async () => {
    const { api } = renderApp()
    await openArticle('Second post', otherText)
    await openArticle('Hello world', helloText)
    fireEvent.change(screen.getByLabelText('Filter articles'), { target: { value: 'hello' } })
    await waitFor(() => expect(api.folderState.openPaths).toEqual(['posts/other.md', 'posts/hello.md']))
    expect(api.folderState.activePath).toBe('posts/hello.md')
    expect(api.folderState.filters?.text).toBe('hello')
    expect(api.folderState.cursors['posts/hello.md']).toBe(0)
    expect([...api.files.keys()].every((p) => p.endsWith('.md'))).toBe(true)
  })
})
