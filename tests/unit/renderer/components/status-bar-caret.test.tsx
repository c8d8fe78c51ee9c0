import '../dom-shims'
import { Profiler } from 'react'
import { act, render, screen, waitFor } from '@testing-library/react'
import { EditorSelection } from '@codemirror/state'
import { StatusBar } from '@renderer/components/StatusBar'
import { EditorController } from '@renderer/editor/editor-controller'
import { emptySnapshot } from '@renderer/session/session-snapshot'

describe('the status bar on a keystroke', () => {
  it('shows the caret\'s line and column without a React render; a selection\'s word count still renders', async () => {
    const editor = new EditorController({ onSave: () => {} })
    editor.open('a.md', 'first line\nsecond line here\n')
    let renders = 0
    render(
      <Profiler id="bar" onRender={() => renders++}>
        <StatusBar editor={editor} snapshot={{ ...emptySnapshot, activePath: 'a.md', openPaths: ['a.md'] }} timeZone={null} hint={null} />
      </Profiler>,
    )
    const bar = screen.getByRole('status', { name: 'Status bar' })
    await waitFor(() => expect(bar.textContent).toContain('Ln 1, Col 1'))
    const before = renders
    // NOTE: five keys typed and the caret moved to line 2: each is an editor update the bar follows.
    for (const key of 'abcde') act(() => editor.view.dispatch(editor.view.state.replaceSelection(key)))
    act(() => editor.view.dispatch({ selection: EditorSelection.cursor(editor.view.state.doc.line(2).from + 3) }))
    expect(screen.getByLabelText('Line 2, column 4').textContent).toBe('Ln 2, Col 4')
    expect(renders).toBe(before)
    // NOTE: the count of selected words is an element of its own, shown only with a selection: React renders it.
    act(() => editor.view.dispatch({ selection: EditorSelection.single(editor.view.state.doc.line(2).from, editor.view.state.doc.line(2).to) }))
    expect(bar.textContent).toContain('3 selected')
    expect(screen.getByLabelText('Line 2, column 17').textContent).toBe('Ln 2, Col 17')
    editor.destroy()
  })

  it('changes the caret\'s text in place: a keystroke inserts or removes no node in the page', async () => {
    const editor = new EditorController({ onSave: () => {} })
    editor.open('a.md', 'first line\n')
    render(<StatusBar editor={editor} snapshot={{ ...emptySnapshot, activePath: 'a.md', openPaths: ['a.md'] }} timeZone={null} hint={null} />)
    const bar = screen.getByRole('status', { name: 'Status bar' })
    await waitFor(() => expect(bar.textContent).toContain('Ln 1, Col 1'))
    const caret = screen.getByLabelText('Line 1, column 1')
    const mutations: MutationRecord[] = []
    const observer = new MutationObserver((records) => mutations.push(...records))
    observer.observe(caret, { childList: true, characterData: true, subtree: true })
    for (const key of 'abcde') act(() => editor.view.dispatch(editor.view.state.replaceSelection(key)))
    mutations.push(...observer.takeRecords())
    observer.disconnect()
    expect(caret.textContent).toBe('Ln 1, Col 6')
    expect(mutations.filter((m) => m.type === 'childList')).toHaveLength(0)
    expect(mutations.filter((m) => m.type === 'characterData')).toHaveLength(5)
    editor.destroy()
  })
})
