import { fireEvent, render, screen, within, waitFor } from '@testing-library/react'
import { EditorView } from '@codemirror/view'
import { App } from '@renderer/App'
import { FakeApi } from './fake-api'
// NOTE: the app fetches its editing code with import(); importing it here first keeps vitest's one-off transform of
// CodeMirror and the session out of Testing Library's timeouts (the app still goes through its import()).
import '@renderer/editing'
import { brokenText, helloText, otherText, untitledText } from './fixtures'

/** Renders the app over a fake API holding the fixture articles. */
export function renderApp(files: Record<string, string> = defaultFiles()) {
  const api = new FakeApi(files)
  const utils = render(<App api={api} />)
  return { api, ...utils }
}

/** The fixture folder: a titled article, a draft, a malformed one and one without front matter. */
export function defaultFiles(): Record<string, string> {
  return { 'posts/hello.md': helloText, 'posts/other.md': otherText, 'posts/broken.md': brokenText, 'notes.md': untitledText }
}

/**
 * The CodeMirror view behind the element named "Markdown editor". NOTE: found by its label, not by
 * getByRole('textbox', { name }): tests call this inside waitFor, which runs it on every change to the page, and the
 * role query computed the accessible name of every text box of the app through jsdom's getComputedStyle (a fifth of
 * app.test's CPU time). openArticle checks the role and name once per article opened.
 */
export function editorView(): EditorView {
  const content = screen.getByLabelText('Markdown editor')
  const view = EditorView.findFromDOM(content)
  if (!view) throw new Error('no EditorView found')
  return view
}

/** Opens an article by clicking its option and waits until the editor shows `text`. */
export async function openArticle(name: string, text: string): Promise<EditorView> {
  const list = await screen.findByRole('listbox', { name: 'Articles' })
  fireEvent.click(within(list).getByRole('option', { name }))
  await waitFor(() => expect(editorView().state.doc.toString()).toBe(text))
  const view = editorView()
  expect(screen.getByRole('textbox', { name: 'Markdown editor' })).toBe(view.contentDOM)
  return view
}

/** The front-matter form. */
export function form(): HTMLElement {
  return screen.getByRole('form', { name: 'Front matter' })
}
