import './dom-shims'
import { act, screen, waitFor, within } from '@testing-library/react'
import { renderApp, openArticle } from './render-app'
import { helloText } from './fixtures'

describe('preview', () => {
  beforeEach(() => localStorage.clear())

  it('renders the header and body of the opened article', async () => {
    renderApp()
    await openArticle('Hello world', helloText)
    const preview = screen.getByRole('region', { name: 'Preview' })
    await waitFor(() => expect(within(preview).getByRole('heading', { name: 'Hello' })).toBeTruthy())
    expect(preview.innerHTML).toContain('<em>text</em>')
  })

  it('follows typing after a short pause and never shows unsanitised HTML', async () => {
    renderApp()
    const view = await openArticle('Hello world', helloText)
    const preview = screen.getByRole('region', { name: 'Preview' })
    const typed = '\n## Typed\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>\n'
    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: typed } }))
    expect(within(preview).queryByRole('heading', { name: 'Typed' })).toBeNull()
    await waitFor(() => expect(within(preview).getByRole('heading', { name: 'Typed' })).toBeTruthy())
    expect(preview.querySelector('script')).toBeNull()
    expect(preview.innerHTML).not.toContain('onerror')
  })
})
