import './dom-shims'
import { screen, waitFor, within } from '@testing-library/react'
import { openArticle, renderApp, editorView } from './render-app'

const trapText = '---\ntitle: "Traps"\ncomments: yes\n---\nBody.\n'

describe('validation in the list', () => {
  beforeEach(() => localStorage.clear())

  it('badges the edited article with the problems the form shows, as you type', async () => {
    renderApp({ 'posts/traps.md': trapText, 'posts/fine.md': '---\ntitle: "Fine"\n---\n' })
    const view = await openArticle('Traps', trapText)
    const list = screen.getByRole('listbox', { name: 'Articles' })
    const row = () => within(list).getByRole('option', { name: 'Traps' })
    await waitFor(() => expect(row().textContent).toContain('1 problem'))
    expect(within(row()).getByText('1 problem').getAttribute('title')).toMatch(/^comments: /)
    expect(within(list).getByRole('option', { name: 'Fine' }).textContent).not.toContain('problem')
    const at = trapText.indexOf('yes')
    view.dispatch({ changes: { from: at, to: at + 3, insert: 'true' } })
    await waitFor(() => expect(row().textContent).not.toContain('problem'))
    expect(editorView().state.doc.toString()).toContain('comments: true')
  })
})
