import '../dom-shims'
import { EditorSelection, EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { caretBlink, caretBlinkHalfMs } from '@renderer/editor/extensions/caret-blink'

// The caret blinks by a timer that flips the cursor layer's opacity, not by drawSelection's CSS animation (which keeps
// the browser drawing a frame at every refresh while the editor has focus). Fake timers: the test runs the blink's
// clock itself, and says when the editor has focus (jsdom's focus does not reach CodeMirror's hasFocus).

let view: EditorView
let hasFocus = false

function open(): EditorView {
  view = new EditorView({ state: EditorState.create({ doc: 'Some words\nand more\n', extensions: [caretBlink()] }), parent: document.body })
  return view
}

const layer = (): HTMLElement => view.dom.querySelector<HTMLElement>('.cm-cursorLayer') as HTMLElement
const isCaretHidden = (): boolean => layer().style.opacity === '0'

/** The editor gets or loses focus; a selection dispatched in place is the update that tells the plugin. */
function focus(isFocused: boolean): void {
  hasFocus = isFocused
  view.dispatch({ selection: view.state.selection })
}

beforeEach(() => {
  vi.useFakeTimers()
  hasFocus = false
  vi.spyOn(EditorView.prototype, 'hasFocus', 'get').mockImplementation(() => hasFocus)
})
afterEach(() => {
  view.destroy()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

it('runs no CSS animation on the cursor layer: its duration is zero', () => {
  open()
  expect(layer().style.animationDuration).toBe('0ms')
})

it('hides and shows the caret every half cycle while the editor has focus', () => {
  open()
  focus(true)
  expect(isCaretHidden()).toBe(false)
  vi.advanceTimersByTime(caretBlinkHalfMs)
  expect(isCaretHidden()).toBe(true)
  vi.advanceTimersByTime(caretBlinkHalfMs)
  expect(isCaretHidden()).toBe(false)
  vi.advanceTimersByTime(caretBlinkHalfMs)
  expect(isCaretHidden()).toBe(true)
})

it('shows the caret at once at an edit or a caret move, and starts the cycle again from there', () => {
  open()
  focus(true)
  vi.advanceTimersByTime(caretBlinkHalfMs)
  expect(isCaretHidden()).toBe(true)
  view.dispatch({ changes: { from: 0, insert: 'x' } })
  expect(isCaretHidden()).toBe(false)
  vi.advanceTimersByTime(caretBlinkHalfMs - 1)
  expect(isCaretHidden()).toBe(false)
  vi.advanceTimersByTime(1)
  expect(isCaretHidden()).toBe(true)
  view.dispatch({ selection: EditorSelection.cursor(3) })
  expect(isCaretHidden()).toBe(false)
})

it('never blinks, and leaves the caret shown, while the editor has no focus', () => {
  open()
  vi.advanceTimersByTime(caretBlinkHalfMs * 3)
  expect(isCaretHidden()).toBe(false)
  focus(true)
  vi.advanceTimersByTime(caretBlinkHalfMs)
  expect(isCaretHidden()).toBe(true)
  focus(false)
  expect(isCaretHidden()).toBe(false)
  vi.advanceTimersByTime(caretBlinkHalfMs * 3)
  expect(isCaretHidden()).toBe(false)
})

it('stops its timer when the editor goes', () => {
  open()
  focus(true)
  expect(vi.getTimerCount()).toBeGreaterThan(0)
  view.destroy()
  // NOTE: no timer at all is left, the blink's nor CodeMirror's own.
  expect(vi.getTimerCount()).toBe(0)
  view = open()
})
