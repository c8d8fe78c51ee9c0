import '../dom-shims'
import { createWorkspace } from '@renderer/workspace'
import { FakeApi } from '../fake-api'
import { helloText } from '../fixtures'

async function setup() {
  const api = new FakeApi({ 'a.md': helloText })
  const { editor, session } = createWorkspace(api)
  session.start()
  await session.open('a.md')
  return { editor, session }
}

/** Types `text` into the title field one character at a time, `gapMs` apart (fake time), as the form does. */
function typeTitle(session: Awaited<ReturnType<typeof setup>>['session'], start: string, text: string, gapMs: number) {
  let value = start
  for (const ch of text) {
    value += ch
    session.setFrontMatterValue('title', value)
    vi.advanceTimersByTime(gapMs)
  }
  return value
}

describe('form typing and undo', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] }))
  afterEach(() => vi.useRealTimers())

  it('keystrokes in one field without a pause are one undo step', async () => {
    const { editor, session } = await setup()
    typeTitle(session, 'Hello world', ' again', 50)
    expect(editor.view.state.doc.toString()).toContain('title: "Hello world again"')
    expect(editor.undo()).toBe(true)
    expect(editor.view.state.doc.toString()).toBe(helloText)
  })

  it('a pause starts a new step; another field is its own step', async () => {
    const { editor, session } = await setup()
    const first = typeTitle(session, 'Hello world', ' one', 50)
    vi.advanceTimersByTime(1000)
    typeTitle(session, first, ' two', 50)
    session.setFrontMatterValue('count', 4)
    expect(editor.undo()).toBe(true)
    expect(editor.view.state.doc.toString()).toContain('count: 3')
    expect(editor.view.state.doc.toString()).toContain('title: "Hello world one two"')
    expect(editor.undo()).toBe(true)
    expect(editor.view.state.doc.toString()).toContain('title: "Hello world one"')
    expect(editor.undo()).toBe(true)
    expect(editor.view.state.doc.toString()).toBe(helloText)
  })
})
