import './dom-shims'
import { act, fireEvent, screen, within, waitFor } from '@testing-library/react'
import { renderApp, openArticle } from './render-app'
import { helloText } from './fixtures'

const edited = `${helloText}A new line.\n`

describe('saving', () => {
  beforeEach(() => localStorage.clear())

  it('saves the editor text with the version it was read at, then is clean again', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    expect(document.title).toBe('• Hello world — Folio')
    expect(screen.getByRole('option', { name: 'Hello world' }).textContent).toContain('•')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(edited))
    expect(api.writes[0]).toMatchObject({ path: 'posts/hello.md', text: edited, format: { hasBom: false, eol: 'lf' } })
    await waitFor(() => expect(document.title).toBe('Hello world — Folio'))
    expect(screen.getByRole('option', { name: 'Hello world' }).textContent).not.toContain('•')
  })

  it('is clean again when edits are undone back to the saved text', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: 0, insert: 'x' } }))
    expect(document.title.startsWith('• ')).toBe(true)
    act(() => view.dispatch({ changes: { from: 0, to: 1 } }))
    expect(document.title).toBe('Hello world — Folio')
  })

  it('reports a failed save naming the file and cause, and keeps the text', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    api.failNextWrite = { code: 'PERMISSION', message: 'permission denied' }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('posts/hello.md')
    expect(alert.textContent).toContain('permission denied')
    expect(view.state.doc.toString()).toBe(edited)
    expect(api.files.get('posts/hello.md')).toBe(helloText)
  })

  it('shows the conflict banner when a save is refused, and "Keep mine" overwrites', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    api.files.set('posts/hello.md', 'theirs\n')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('changed on disk')
    expect(api.files.get('posts/hello.md')).toBe('theirs\n')
    fireEvent.click(within(banner).getByRole('button', { name: 'Keep mine' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(edited))
    expect(api.writes.at(-1)?.force).toBe(true)
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('flags an external change to a dirty article, and "Take theirs" loads the file', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    act(() => api.changeOnDisk('posts/hello.md', 'theirs\n'))
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('changed on disk')
    fireEvent.click(within(banner).getByRole('button', { name: 'Take theirs' }))
    await waitFor(() => expect(view.state.doc.toString()).toBe('theirs\n'))
    expect(api.writes).toHaveLength(0)
    expect(document.title).toBe('posts/hello.md — Folio')
  })

  it('reloads a clean article silently when it changes on disk', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => api.changeOnDisk('posts/hello.md', helloText.replace('Some', 'Other')))
    await waitFor(() => expect(view.state.doc.toString()).toContain('Other *text*'))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('saves with Mod-s from the editor', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    fireEvent.keyDown(view.contentDOM, { key: 's', ctrlKey: true })
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(edited))
  })

  it('saves with Ctrl+S pressed outside the editor (e.g. in the form) too', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'A new line.\n' } }))
    fireEvent.keyDown(screen.getByLabelText('title'), { key: 's', ctrlKey: true })
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(edited))
    expect(api.writes).toHaveLength(1)
  })

  it('shows why a read-only article cannot be saved and keeps it unchangeable', async () => {
    const { api } = renderApp({ 'legacy.ro.md': '---\ntitle: Old\n---\nLatin-1 bytes\n' })
    const view = await openArticle('Old', '---\ntitle: Old\n---\nLatin-1 bytes\n')
    expect(screen.getByRole('note').textContent).toContain('invalid UTF-8')
    expect(view.state.readOnly).toBe(true)
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByLabelText<HTMLInputElement>('title').readOnly).toBe(true)
    expect(api.writes).toHaveLength(0)
  })

  it('says so when the open file is deleted outside Folio, and keeps the text', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    api.files.delete('posts/hello.md')
    act(() => api.emit({ kind: 'article-removed', path: 'posts/hello.md' }))
    expect((await screen.findByText(/deleted or moved outside Folio/)).getAttribute('role')).toBe('status')
    expect(view.state.doc.toString()).toBe(helloText)
  })
})
