import '../dom-shims'
import { act, fireEvent, waitFor, within } from '@testing-library/react'
import { undo } from '@codemirror/commands'
import { helloText } from '../fixtures'
import { form, openArticle, renderApp } from '../render-app'

describe('form inside the app', () => {
  it('form edits, removals and renames are editor transactions: undo restores the text and the form follows', async () => {
    renderApp({ 'posts/hello.md': helloText })
    const view = await openArticle('Hello world', helloText)
    const title = within(form()).getByLabelText<HTMLInputElement>('title')
    fireEvent.change(title, { target: { value: 'Hello again' } })
    expect(view.state.doc.toString()).toBe(helloText.replace('"Hello world"', '"Hello again"'))
    act(() => void undo(view))
    expect(view.state.doc.toString()).toBe(helloText)
    await waitFor(() => expect(within(form()).getByLabelText<HTMLInputElement>('title').value).toBe('Hello world'))

    fireEvent.click(within(form()).getByRole('button', { name: 'Remove field count' }))
    expect(view.state.doc.toString()).toBe(helloText.replace('count: 3\n', ''))
    await waitFor(() => expect(within(form()).queryByLabelText('count')).toBeNull())
    act(() => void undo(view))
    expect(view.state.doc.toString()).toBe(helloText)

    fireEvent.click(within(form()).getByRole('button', { name: 'Rename count' }))
    const box = within(form()).getByRole('textbox', { name: 'New name for count' })
    fireEvent.change(box, { target: { value: 'weight' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(view.state.doc.toString()).toBe(helloText.replace('count: 3', 'weight: 3'))
    await waitFor(() => expect(within(form()).getByLabelText<HTMLInputElement>('weight').value).toBe('3'))
  })

  it('typing in the text updates the form', async () => {
    renderApp({ 'posts/hello.md': helloText })
    const view = await openArticle('Hello world', helloText)
    const at = helloText.indexOf('draft: false') + 'draft: '.length
    act(() => view.dispatch({ changes: { from: at, to: at + 5, insert: 'true' } }))
    await waitFor(() => expect(within(form()).getByRole('switch', { name: 'draft' })).toHaveProperty('checked', true))
    expect(within(form()).getByRole('status').textContent).toBe("Hugo: won't build (draft is true)")
  })
})
