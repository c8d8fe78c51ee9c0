import './dom-shims'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App } from '@renderer/App'
import { FakeApi } from './fake-api'

describe('welcome screen', () => {
  it('offers "Open folder" when no folder is open and shows why opening failed', async () => {
    const api = new FakeApi()
    api.folder = null
    render(<App api={api} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder' }))
    expect((await screen.findByRole('alert')).textContent).toContain('not available in the browser')
    expect(screen.queryByRole('listbox')).toBeNull()
  })
})

describe('welcome screen: recent folders and the path field', () => {
  it('lists recent folders, greys missing ones, removes one, and opens a folder by path (browser mode)', async () => {
    const api = new FakeApi()
    api.folder = null
    api.recentFolders = [
      { path: '/sites/blog', name: 'blog', openedAt: '2026-01-02T00:00:00Z', isMissing: false },
      { path: '/gone/old', name: 'old', openedAt: '2026-01-01T00:00:00Z', isMissing: true },
    ]
    api.completions = ['/sites/blog', '/sites/docs']
    render(<App api={api} isBrowserMode />)
    const recent = await screen.findByRole('navigation', { name: 'Recent folders' })
    expect(within(recent).getByRole('button', { name: /^old/ })).toHaveProperty('disabled', true)
    fireEvent.click(within(recent).getByRole('button', { name: 'Remove old from recent folders' }))
    await waitFor(() => expect(within(recent).queryByRole('button', { name: /^old/ })).toBeNull())
    expect(api.recentFolders.map((f) => f.name)).toEqual(['blog'])
    const field = screen.getByRole('combobox', { name: 'Folder path' })
    fireEvent.change(field, { target: { value: '/sites/d' } })
    await waitFor(() => expect(document.querySelectorAll('datalist option')).toHaveLength(1))
    fireEvent.change(field, { target: { value: '/sites/docs' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(api.folder?.root).toBe('/sites/docs'))
  })
})
