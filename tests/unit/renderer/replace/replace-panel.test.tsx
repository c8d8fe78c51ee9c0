import '../dom-shims'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { renderApp, openArticle } from '../render-app'
import { helloText } from '../fixtures'

const a = '---\ntitle: A\n---\nThe cat sat. Cat food.\n'
const b = '---\ntitle: B\ntags: [cat]\n---\nNo match here.\ncatalogue cat\n'
const files = () => ({ 'a.md': a, 'b.md': b, 'posts/hello.md': helloText })

async function openPanel() {
  await screen.findByRole('listbox', { name: 'Articles' })
  fireEvent.keyDown(window, { key: 'H', ctrlKey: true, shiftKey: true })
  return screen.findByRole('dialog', { name: 'Replace in folder' })
}

async function previewOf(panel: HTMLElement, find: string, replace: string, options: string[] = []) {
  fireEvent.change(within(panel).getByLabelText('Find'), { target: { value: find } })
  fireEvent.change(within(panel).getByLabelText('Replace with'), { target: { value: replace } })
  for (const option of options) fireEvent.click(within(panel).getByLabelText(option, { exact: false }))
  fireEvent.click(within(panel).getByRole('button', { name: 'Preview' }))
  return within(panel).findByRole('list', { name: 'Files to change' })
}

describe('Replace in folder', () => {
  beforeEach(() => localStorage.clear())

  it('previews every change as a line diff and applies all of them losslessly', async () => {
    const { api } = renderApp(files())
    const panel = await openPanel()
    const list = await previewOf(panel, 'cat', 'dog')
    expect(within(panel).getByText(/4 matches in 2 files \(of 3 articles\)/)).toBeTruthy()
    expect(within(list).getByText('a.md')).toBeTruthy()
    expect(list.querySelectorAll('del')).toHaveLength(4)
    expect([...list.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['dog', 'dog', 'dog', 'dog'])
    fireEvent.click(within(panel).getByRole('button', { name: 'Replace 4 changes in 2 files' }))
    await within(panel).findByText(/Replaced in 2 files/)
    expect(api.files.get('a.md')).toBe('---\ntitle: A\n---\nThe dog sat. dog food.\n')
    expect(api.files.get('b.md')).toBe(b.replace('catalogue cat', 'dogalogue dog'))
  })

  it('whole word, match case, front matter scope; a subset leaves the rest alone', async () => {
    const { api } = renderApp(files())
    const panel = await openPanel()
    await previewOf(panel, 'cat', 'dog', ['Whole word', 'Match case'])
    expect(within(panel).getByText(/2 matches in 2 files/)).toBeTruthy()
    fireEvent.click(within(panel).getByLabelText('b.md line 6'))
    fireEvent.click(within(panel).getByRole('button', { name: 'Replace 1 change in 1 file' }))
    await within(panel).findByText(/Replaced in 1 file/)
    expect(api.files.get('a.md')).toBe(a.replace('The cat', 'The dog'))
    expect(api.files.get('b.md')).toBe(b)
    fireEvent.change(within(panel).getByLabelText('Look in'), { target: { value: 'front-matter' } })
    await previewOf(panel, 'cat', 'dog')
    expect(within(panel).getByText(/1 match in 1 file/)).toBeTruthy()
  })

  it('regular expressions with groups; a bad pattern is explained', async () => {
    const { api } = renderApp(files())
    const panel = await openPanel()
    await previewOf(panel, '(\\w+) sat', 'sat $1', ['Regular expression'])
    fireEvent.click(within(panel).getByRole('button', { name: 'Replace 1 change in 1 file' }))
    await within(panel).findByText(/Replaced in 1 file/)
    expect(api.files.get('a.md')).toContain('The sat cat.')
    fireEvent.change(within(panel).getByLabelText('Find'), { target: { value: '(' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Preview' }))
    expect((await within(panel).findByText(/Not a valid regular expression/)).textContent).toBeTruthy()
  })

  it('leaves out an open article with unsaved edits, and a file changed since the preview', async () => {
    const { api } = renderApp(files())
    const view = await openArticle('A', a)
    act(() => view.dispatch({ changes: { from: a.length, insert: 'cat\n' } }))
    const panel = await openPanel()
    const list = await previewOf(panel, 'cat', 'dog')
    expect(within(list).getByText(/unsaved edits in Folio/)).toBeTruthy()
    api.files.set('b.md', `${b}cat again\n`)
    fireEvent.click(within(panel).getByRole('button', { name: 'Replace 2 changes in 1 file' }))
    await within(panel).findByText(/b.md was left alone/)
    expect(api.files.get('a.md')).toBe(a)
    await waitFor(() => expect(api.files.get('b.md')).toBe(`${b}cat again\n`))
  })
})
