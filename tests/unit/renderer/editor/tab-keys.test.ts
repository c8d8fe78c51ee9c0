import { EditorSelection, EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { indentUnit } from '@codemirror/language'
import { frontMatterState } from '@renderer/editor/extensions/front-matter-state'
import { indentBody, outdentBody, touchesFrontMatter } from '@renderer/editor/extensions/tab-keys'

const text = '---\ntitle: A\ntags:\n  - x\n---\n\n- item\n- other\n'
const bodyStart = text.indexOf('- item')

function state(doc: string, selection: EditorSelection) {
  return EditorState.create({ doc, selection, extensions: [frontMatterState(), indentUnit.of('  ')] })
}

/** Runs a command on a headless view and answers the text after it. */
function run(command: typeof indentBody, doc: string, selection: EditorSelection): { handled: boolean; text: string } {
  const view = new EditorView({ state: state(doc, selection) })
  const handled = command(view)
  const after = view.state.doc.toString()
  view.destroy()
  return { handled, text: after }
}

describe('touchesFrontMatter', () => {
  it('is true for a caret on the opening fence, in a key, and on the closing fence', () => {
    for (const at of [0, text.indexOf('title'), text.indexOf('---', 4)]) expect(touchesFrontMatter(state(text, EditorSelection.single(at)))).toBe(true)
  })

  it('is false in the body and for a document without front matter', () => {
    expect(touchesFrontMatter(state(text, EditorSelection.single(bodyStart)))).toBe(false)
    expect(touchesFrontMatter(state('- item\n', EditorSelection.single(0)))).toBe(false)
  })

  it('is true when any range of a multiple selection reaches into the block', () => {
    const selection = EditorSelection.create([EditorSelection.cursor(bodyStart), EditorSelection.range(2, bodyStart)])
    expect(touchesFrontMatter(state(text, selection))).toBe(true)
  })
})

describe('Tab and Shift+Tab', () => {
  it('never change the text at the top of an article (the fence stays a fence)', () => {
    for (const at of [0, 4, text.indexOf('  - x')]) {
      expect(run(indentBody, text, EditorSelection.single(at))).toEqual({ handled: true, text })
      expect(run(outdentBody, text, EditorSelection.single(at))).toEqual({ handled: true, text })
    }
  })

  it('indent and outdent list items in the body', () => {
    const indented = run(indentBody, text, EditorSelection.single(bodyStart))
    expect(indented.text).toBe(text.replace('- item', '  - item'))
    expect(run(outdentBody, indented.text, EditorSelection.single(bodyStart + 2)).text).toBe(text)
  })
})
