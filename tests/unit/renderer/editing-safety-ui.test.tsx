import './dom-shims'
import { act, fireEvent, render, screen, within, waitFor } from '@testing-library/react'
import { App } from '@renderer/App'
import { renderApp, openArticle, editorView } from './render-app'
import { helloText, otherText } from './fixtures'
import { emptyFolderState } from '@shared/user-state'
import { FakeApi, versionOf } from './fake-api'

describe('editing safety UI', () => {
  beforeEach(() => localStorage.clear())

  it('shows open articles as tabs with an unsaved marker; closing a dirty tab asks in a dialog', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    await openArticle('Second post', otherText)
    const tabs = screen.getByRole('tablist', { name: 'Open articles' })
    expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Hello world', 'Second post'])
    expect(within(tabs).getByRole('tab', { name: 'Second post' }).getAttribute('aria-selected')).toBe('true')
    fireEvent.click(within(tabs).getByRole('tab', { name: 'Hello world' }))
    await waitFor(() => expect(view.state.doc.toString()).toBe(helloText))
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'x' } }))
    expect(within(tabs).getByRole('tab', { name: /Hello world/ }).textContent).toContain('●')
    fireEvent.click(screen.getByRole('button', { name: 'Close Hello world' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Unsaved changes' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Close Hello world' }))
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Second post']))
    expect(api.files.get('posts/hello.md')).toBe(`${helloText}x`)
  })

  it('a failed save offers Retry, which saves the text still in the editor', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: 0, insert: 'y' } }))
    api.failNextWrite = { code: 'NO_SPACE', message: 'the disk is full' }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('posts/hello.md')
    expect(alert.textContent).toContain('the disk is full')
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(`y${helloText}`))
  })

  it('the conflict banner compares disk and mine, and merges edits of different lines', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'Mine.\n' } }))
    const theirs = helloText.replace('count: 3', 'count: 7')
    act(() => api.changeOnDisk('posts/hello.md', theirs))
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('changed on disk')
    fireEvent.click(await within(banner).findByRole('button', { name: 'Compare' }))
    await waitFor(() => expect(banner.querySelector('.diff-view')?.textContent).toContain('count: 7'))
    expect(banner.querySelector('.diff-view')?.textContent).toContain('Mine.')
    fireEvent.click(within(banner).getByRole('button', { name: 'Merge' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(view.state.doc.toString()).toBe(`${theirs}Mine.\n`)
    expect(api.writes).toHaveLength(0)
    expect(api.files.get('posts/hello.md')).toBe(theirs)
  })

  it('asks before another folder opens in words that say so (not "before closing")', async () => {
    const { api } = renderApp()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'x' } }))
    act(() => api.emit({ kind: 'close-requested', reason: 'open-folder' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Unsaved changes' })
    expect(dialog.textContent).toContain('1 article has unsaved changes. Save before opening the other folder?')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save all and open' }))
    await waitFor(() => expect(api.closeConfirmations).toBe(1))
    expect(api.files.get('posts/hello.md')).toBe(`${helloText}x`)
  })

  it('offers journaled edits on opening the folder with a diff, and Restore puts them back unsaved', async () => {
    const api = new FakeApi({ 'posts/hello.md': helloText })
    api.journal.set('posts/hello.md', { path: 'posts/hello.md', text: `${helloText}Recovered line.\n`, baseVersion: versionOf(helloText), updatedAt: new Date().toISOString() })
    render(<App api={api} />)
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' })
    expect(dialog.textContent).toContain('posts/hello.md')
    await waitFor(() => expect(dialog.querySelector('.diff-view')?.textContent).toContain('Recovered line.'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(`${helloText}Recovered line.\n`))
    expect(within(screen.getByRole('banner')).getByText('Unsaved changes')).toBeTruthy()
    expect(api.writes).toHaveLength(0)
  })

  it('offers the journaled edits of a restored tab even when the tab opened before the journal was listed', async () => {
    const api = new FakeApi({ 'posts/hello.md': helloText })
    api.folderState = { ...emptyFolderState, openPaths: ['posts/hello.md'], activePath: 'posts/hello.md' }
    api.journal.set('posts/hello.md', { path: 'posts/hello.md', text: `${helloText}Recovered line.\n`, baseVersion: versionOf(helloText), updatedAt: new Date().toISOString() })
    // NOTE: the journal answers only once the restored tab shows the file (a fast read beat the listing: seen in
    // browser mode, where the tab's read took no trip through the server's thread pool).
    const listJournal = api.listJournal
    api.listJournal = async () => {
      await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
      return listJournal()
    }
    render(<App api={api} />)
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(`${helloText}Recovered line.\n`))
    expect(api.writes).toHaveLength(0)
  })
})
