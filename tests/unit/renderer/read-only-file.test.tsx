import './dom-shims'
import { act, fireEvent, screen, within, waitFor } from '@testing-library/react'
import { editorView, renderApp, openArticle } from './render-app'
import { helloText } from './fixtures'

describe('a file read-only by its permissions', () => {
  beforeEach(() => localStorage.clear())

  it('opens read-only with the reason, and is made writable only after the writer agrees in a dialog', async () => {
    const { api } = renderApp()
    api.readOnlyByMode.add('posts/hello.md')
    const view = await openArticle('Hello world', helloText)
    const note = screen.getByRole('note')
    expect(note.textContent).toContain('permissions')
    expect(view.state.readOnly).toBe(true)
    fireEvent.click(within(note).getByRole('button', { name: 'Make writable…' }))
    const dialog = screen.getByRole('alertdialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep read-only' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(view.state.readOnly).toBe(true)
    fireEvent.click(within(screen.getByRole('note')).getByRole('button', { name: 'Make writable…' }))
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Make writable' }))
    await waitFor(() => expect(editorView().state.readOnly).toBe(false))
    act(() => editorView().dispatch({ changes: { from: helloText.length, insert: 'More.\n' } }))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(`${helloText}More.\n`))
    expect(api.writes.at(-1)?.makeWritable).toBe(true)
  })
})
