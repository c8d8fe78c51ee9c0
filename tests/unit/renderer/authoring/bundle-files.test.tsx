import '../dom-shims'
import { Profiler } from 'react'
import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Text } from '@codemirror/state'
import type { FolioApi } from '@shared/api'
import { ok } from '@shared/result'
import type { BundleFile } from '@shared/authoring/plans'
import { BundleFiles, referenceCheckDelayMs, unreferencedNames } from '@renderer/components/authoring/BundleFiles'
import { EditorController } from '@renderer/editor/editor-controller'
import { FakeApi } from '../fake-api'

const path = 'posts/album/index.md'
const file = (name: string): BundleFile => ({ path: `posts/album/${name}`, name, size: 17 })

/** BundleFiles over a bundle holding `files`, with a counter of its renders and of its reads of the article. */
async function mount(files: BundleFile[]) {
  const editor = new EditorController({ onSave: () => {} })
  editor.open(path, '---\ntitle: Album\n---\n\n![](cover.png)\n\nThe end.\n')
  const api: FolioApi = new FakeApi({})
  api.listBundleFiles = () => Promise.resolve(ok(files))
  const reads = { textOf: vi.spyOn(editor, 'textOf'), stateOf: vi.spyOn(editor, 'stateOf') }
  let renders = 0
  const view = render(
    <Profiler id="files" onRender={() => renders++}>
      <BundleFiles api={api} editor={editor} path={path} revision={0} />
    </Profiler>,
  )
  // NOTE: the list answer arrives in a microtask; then the section holds its files (or stays empty).
  await act(() => Promise.resolve())
  const type = (keys: string) => {
    for (const key of keys) act(() => editor.view.dispatch(editor.view.state.replaceSelection(key)))
  }
  return { editor, view, reads, renders: () => renders, type }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('BundleFiles on a keystroke', () => {
  it('costs a keystroke no render and no read of the text while the bundle has no files', async () => {
    const { editor, view, reads, renders, type } = await mount([])
    expect(view.container.textContent).toBe('')
    const before = renders()
    reads.textOf.mockClear()
    reads.stateOf.mockClear()
    type('a link to ![](x.png)')
    expect(renders()).toBe(before)
    expect(reads.textOf).not.toHaveBeenCalled()
    expect(reads.stateOf).not.toHaveBeenCalled()
    view.unmount()
    editor.destroy()
  })

  it('checks the marks once typing pauses: no render and no read per key, one read after the pause', async () => {
    const { editor, view, reads, renders, type } = await mount([file('cover.png'), file('b c.png'), file('unused.jpg')])
    expect(screen.getByRole('listitem', { name: 'cover.png' })).toBeTruthy()
    expect(screen.getByRole('listitem', { name: 'b c.png (unreferenced)' })).toBeTruthy()
    expect(screen.getByRole('listitem', { name: 'unused.jpg (unreferenced)' })).toBeTruthy()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    act(() => editor.view.dispatch({ selection: { anchor: editor.view.state.doc.length } }))
    const before = renders()
    reads.textOf.mockClear()
    reads.stateOf.mockClear()
    // NOTE: 24 keys, each sooner after the last than the pause: the marks wait.
    for (const key of '![](b%20c.png) and more.') {
      type(key)
      act(() => void vi.advanceTimersByTime(referenceCheckDelayMs - 1))
    }
    expect(renders()).toBe(before)
    expect(reads.textOf).not.toHaveBeenCalled()
    expect(reads.stateOf).not.toHaveBeenCalled()
    expect(screen.getByRole('listitem', { name: 'b c.png (unreferenced)' })).toBeTruthy()
    act(() => void vi.advanceTimersByTime(1))
    expect(screen.getByRole('listitem', { name: 'b c.png' })).toBeTruthy()
    expect(screen.getByRole('listitem', { name: 'unused.jpg (unreferenced)' })).toBeTruthy()
    expect(reads.textOf.mock.calls.length + reads.stateOf.mock.calls.length).toBe(1)
    // Deleting the link: the mark comes back after the next pause.
    const at = editor.view.state.doc.toString().indexOf('![](b%20c.png)')
    act(() => editor.view.dispatch({ changes: { from: at, to: at + '![](b%20c.png)'.length } }))
    expect(screen.getByRole('listitem', { name: 'b c.png' })).toBeTruthy()
    act(() => void vi.advanceTimersByTime(referenceCheckDelayMs))
    expect(screen.getByRole('listitem', { name: 'b c.png (unreferenced)' })).toBeTruthy()
    view.unmount()
    editor.destroy()
  })
})

describe('unreferencedNames', () => {
  it('answers what a search of the flat text answers, names spelled plain or as URLs, a line break in a name too', () => {
    const doc = Text.of(['---', 'images: [a.png]', '---', '', '![](b%20c.png) and [d](d.pdf)', 'e', 'f.png'])
    const names = ['a.png', 'b c.png', 'd.pdf', 'e\nf.png', 'e\ng.png', 'unused.jpg']
    expect([...unreferencedNames(doc, names)].sort()).toEqual(['e\ng.png', 'unused.jpg'])
  })
})
