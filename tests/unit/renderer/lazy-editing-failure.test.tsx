import './dom-shims'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { editorView, renderApp } from './render-app'
import { helloText } from './fixtures'

describe('editing code that cannot be downloaded', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => vi.doUnmock('@renderer/editing'))

  it('says so in the editor pane, and Retry loads it once it can be fetched', async () => {
    vi.doMock('@renderer/editing', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    renderApp()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.click(within(list).getByRole('option', { name: 'Hello world' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the editor')
    vi.doUnmock('@renderer/editing')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    fireEvent.click(within(list).getByRole('option', { name: 'Hello world' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
  })
})
