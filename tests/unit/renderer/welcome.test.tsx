import './dom-shims'
import { fireEvent, render, screen } from '@testing-library/react'
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
