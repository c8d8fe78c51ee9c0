import '../dom-shims'
import { EditorController } from '@renderer/editor/editor-controller'
import { frontMatterOf } from '@renderer/editor/extensions/front-matter-state'
import { helloText, otherText } from '../fixtures'

function makeController(onSave = () => {}) {
  return new EditorController({ onSave })
}

describe('EditorController', () => {
  it('opens a document into the view and reports the switch', () => {
    const editor = makeController()
    const events: string[] = []
    editor.subscribe((e) => events.push(e.kind))
    editor.open('a.md', helloText)
    expect(editor.activePath).toBe('a.md')
    expect(editor.view.state.doc.toString()).toBe(helloText)
    expect(events).toEqual(['switched'])
  })

  it('keeps each document\'s edits and undo history when switching back', () => {
    const editor = makeController()
    editor.open('a.md', helloText)
    editor.view.dispatch({ changes: { from: helloText.length, insert: 'More.\n' }, userEvent: 'input.type' })
    editor.open('b.md', otherText)
    expect(editor.view.state.doc.toString()).toBe(otherText)
    editor.open('a.md', 'ignored because a.md is already open')
    expect(editor.textOf('a.md')).toBe(`${helloText}More.\n`)
    expect(editor.undo()).toBe(true)
    expect(editor.textOf('a.md')).toBe(helloText)
  })

  it('applies front-matter changes as one undoable transaction', () => {
    const editor = makeController()
    editor.open('a.md', helloText)
    const from = helloText.indexOf('"Hello world"')
    editor.applyChanges([{ from, to: from + '"Hello world"'.length, insert: '"Hi"' }])
    expect(editor.view.state.doc.line(2).text).toBe('title: "Hi"')
    editor.undo()
    expect(editor.view.state.doc.toString()).toBe(helloText)
  })

  it('shares one parse of the front matter and keeps it while only the body changes', () => {
    const editor = makeController()
    editor.open('a.md', helloText)
    const before = frontMatterOf(editor.view.state)
    expect(before.data.title).toBe('Hello world')
    editor.view.dispatch({ changes: { from: helloText.length, insert: 'x' } })
    expect(frontMatterOf(editor.view.state)).toBe(before)
    editor.view.dispatch({ changes: { from: helloText.indexOf('Hello world'), insert: 'Oh ' } })
    expect(frontMatterOf(editor.view.state).data.title).toBe('Oh Hello world')
  })

  it('refuses user edits to a read-only document', () => {
    const editor = makeController()
    editor.open('ro.md', 'locked\n', { isReadOnly: true })
    expect(editor.view.state.readOnly).toBe(true)
    editor.setReadOnly(false)
    expect(editor.view.state.readOnly).toBe(false)
  })

  it('names the content element "Markdown editor" and runs the save callback on Mod-s', () => {
    let saves = 0
    const editor = makeController(() => saves++)
    editor.open('a.md', helloText)
    document.body.appendChild(editor.view.dom)
    expect(editor.view.contentDOM.getAttribute('aria-label')).toBe('Markdown editor')
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, metaKey: false, bubbles: true, cancelable: true })
    const mac = new KeyboardEvent('keydown', { key: 's', metaKey: true, bubbles: true, cancelable: true })
    editor.view.contentDOM.dispatchEvent(event)
    editor.view.contentDOM.dispatchEvent(mac)
    expect(saves).toBe(1)
    editor.destroy()
  })
})
