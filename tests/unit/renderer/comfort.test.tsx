import './dom-shims'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { undo } from '@codemirror/commands'
import { renderApp, openArticle, form, editorView } from './render-app'
import { helloText } from './fixtures'

const taggedText = '---\ntitle: Tagged\ntags:\n  - one\n---\nBody\n'
const files = () => ({ 'posts/hello.md': helloText, 'posts/tagged.md': taggedText })
const ctrl = (key: string, extra: Record<string, boolean> = {}) => fireEvent.keyDown(window, { key, ctrlKey: true, ...extra })

describe('writing comfort in the app', () => {
  beforeEach(() => localStorage.clear())

  it('text typed in a tags "Add…" box but not entered does not follow to the next article', async () => {
    renderApp(files())
    await openArticle('Hello world', helloText)
    const add = () => within(form()).getByLabelText<HTMLInputElement>('tags')
    fireEvent.change(add(), { target: { value: 'half typed' } })
    expect(add().value).toBe('half typed')
    await openArticle('Tagged', taggedText)
    expect(add().value).toBe('')
  })

  it('Revert asks first; Keep editing keeps the edits, Revert restores the file, and undo brings the edits back', async () => {
    const { api } = renderApp(files())
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'Edit.\n' } }))
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }))
    const ask = screen.getByRole('alertdialog', { name: 'Revert to the saved file?' })
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    expect(view.state.doc.toString()).toBe(`${helloText}Edit.\n`)
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }))
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revert' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
    expect(api.writes).toHaveLength(0)
    act(() => void undo(editorView()))
    expect(editorView().state.doc.toString()).toBe(`${helloText}Edit.\n`)
  })

  it('the autosave setting drives the session, and the tab strip\'s choice changes the setting', async () => {
    const { api } = renderApp(files())
    api.settings = { ...api.settings, autosave: 'pause' }
    await openArticle('Hello world', helloText)
    const choice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Autosave' })
    await waitFor(() => expect(choice.value).toBe('pause'))
    fireEvent.change(choice, { target: { value: 'focus' } })
    await waitFor(() => expect(api.settings.autosave).toBe('focus'))
    ctrl(',')
    const settings = screen.getByRole('dialog', { name: 'Settings' })
    expect(within(settings).getByLabelText<HTMLSelectElement>('Autosave').value).toBe('focus')
  })

  it('the toolbar\'s Wrap lines and the setting are one state', async () => {
    renderApp(files())
    const view = await openArticle('Hello world', helloText)
    fireEvent.click(screen.getByRole('button', { name: 'Wrap lines' }))
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(false)
    ctrl(',')
    const box = within(screen.getByRole('dialog', { name: 'Settings' })).getByLabelText<HTMLInputElement>('Wrap long lines')
    expect(box.checked).toBe(false)
    fireEvent.click(box)
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(true)
    expect(screen.getByRole('button', { name: 'Wrap lines' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('has one status region, the status bar, with the counts and Hugo\'s verdict', async () => {
    renderApp(files())
    await openArticle('Hello world', helloText)
    const bar = await screen.findByRole('status', { name: 'Status bar' })
    expect(within(screen.getByRole('banner')).queryByRole('status')).toBeNull()
    await waitFor(() => expect(bar.textContent).toContain('3 words'))
    expect(bar.textContent).toContain('Hugo builds it')
    expect(bar.textContent).toContain('Ln 1, Col 1')
  })

  it('the command palette lists commands fuzzily and runs one (outline)', async () => {
    renderApp(files())
    await openArticle('Hello world', helloText)
    ctrl('P', { shiftKey: true })
    const palette = screen.getByRole('dialog', { name: 'Command palette' })
    const field = within(palette).getByRole('combobox')
    fireEvent.change(field, { target: { value: 'tgl outln' } })
    expect(within(palette).getAllByRole('option')[0]?.textContent).toContain('Toggle Outline')
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull()
    const outline = await screen.findByRole('navigation', { name: 'Outline' })
    expect(within(outline).getByRole('button', { name: 'Hello' })).toBeTruthy()
  })
})

describe('opening another folder while one is open', () => {
  it('the toolbar and Ctrl/Cmd+O open the folder dialog: a recent folder or a typed path opens without a restart', async () => {
    const { api } = renderApp(files())
    api.recentFolders = [{ path: '/sites/blog', name: 'blog', openedAt: '2026-01-02T00:00:00Z', isMissing: false }]
    await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Open Folder…' }))
    let dialog = screen.getByRole('dialog', { name: 'Open folder' })
    fireEvent.click(within(await within(dialog).findByRole('navigation', { name: 'Recent folders' })).getByRole('button', { name: /^blog/ }))
    await waitFor(() => expect(api.folder?.root).toBe('/sites/blog'))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Open folder' })).toBeNull())
    ctrl('o')
    dialog = screen.getByRole('dialog', { name: 'Open folder' })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Folder path' }), { target: { value: '/sites/docs' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(api.folder?.root).toBe('/sites/docs'))
  })

  it('does not open another folder over unsaved edits', async () => {
    renderApp(files())
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'Edit.\n' } }))
    ctrl('o')
    const dialog = screen.getByRole('dialog', { name: 'Open folder' })
    expect(within(dialog).getByRole('alert').textContent).toContain('1 article has unsaved changes')
    expect(within(dialog).queryByRole('combobox', { name: 'Folder path' })).toBeNull()
  })
})
