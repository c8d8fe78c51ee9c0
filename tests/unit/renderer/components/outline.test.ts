import { extractOutline } from '@shared/markdown/outline'
import { outlineSliceChars, scanHeadings } from '@renderer/components/Outline'
import { EditorController } from '@renderer/editor/editor-controller'

const section = ['# A', '', 'Setext text', 'spanning lines', '---', '', '```', '# not a heading', '```', '', '## B {#bee}', '## B', '', 'Text.', ''].join('\n')

describe('the outline scan of the open article', () => {
  it('reads a long article from the document a slice per task, to the headings of one pass over its text', () => {
    const text = `---\ntitle: x\n---\n${section.repeat(Math.ceil((3 * outlineSliceChars) / section.length))}`
    const editor = new EditorController({ onSave: () => {} })
    editor.open('long.md', text)
    const tasks: (() => void)[] = []
    const results: unknown[] = []
    scanHeadings(editor, (headings) => results.push(headings), (next) => tasks.push(next))
    // NOTE: the first slice is read on the caller's turn; each deferred task reads one more, the last one reports.
    expect(results).toEqual([])
    let slices = 1
    while (tasks.length > 0) {
      tasks.shift()?.()
      slices++
    }
    expect(slices).toBeGreaterThan(3)
    expect(results).toEqual([extractOutline(text, text.indexOf('---\n', 4) + 4)])
    editor.destroy()
  })
})
