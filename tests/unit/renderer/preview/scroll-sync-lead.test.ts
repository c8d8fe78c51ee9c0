import '../dom-shims'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { syncScroll } from '@renderer/preview/scroll-sync'
import { announceRevealLine } from '@renderer/editor/reveal-line'

function previewDocument(): Document {
  const doc = document.implementation.createHTMLDocument('preview')
  doc.body.innerHTML = '<main><h1 data-source-line="1">a</h1><p data-source-line="3">b</p><p data-source-line="5">c</p></main>'
  // NOTE: jsdom has no layout; the block of line 3 is placed at the top of the preview's viewport (tops in the page,
  // less its scroll position, as a browser gives them).
  placeBlocks(doc, { '1': -200, '3': 0, '5': 300 })
  return doc
}

/** Gives the blocks of `doc` these tops in the page (by source line); their viewport tops follow the scroll position. */
function placeBlocks(doc: Document, tops: Record<string, number>): void {
  const scroller = doc.scrollingElement ?? doc.documentElement
  for (const element of doc.querySelectorAll<HTMLElement>('[data-source-line]')) {
    element.getBoundingClientRect = () => {
      const top = (tops[element.dataset.sourceLine ?? ''] ?? 0) - scroller.scrollTop
      return { top, bottom: top + 20, left: 0, right: 0, width: 0, height: 20, x: 0, y: top, toJSON: () => ({}) }
    }
  }
}

/**
 * Animation frames that run when the test says, so what happens in each is seen: stubs requestAnimationFrame and
 * cancelAnimationFrame, and answers `nextFrame`, which runs the callbacks of one frame (those asked for before it) and
 * answers how many ran.
 */
function testFrames(): () => number {
  const frames = new Map<number, FrameRequestCallback>()
  let lastId = 0
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (frames.set(++lastId, callback), lastId))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
  return () => {
    const due = [...frames.values()]
    frames.clear()
    for (const callback of due) callback(0)
    return due.length
  }
}

describe('syncScroll', () => {
  beforeEach(() => vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (callback(0), 1)))
  afterEach(() => vi.unstubAllGlobals())

  it('moves the editor only when the preview leads, so programmatic preview scrolling never echoes back', () => {
    const view = new EditorView({ state: EditorState.create({ doc: 'a\n\nb\n\nc\n' }), parent: document.body })
    const doc = previewDocument()
    const dispatch = vi.spyOn(view, 'dispatch')
    const { dispose } = syncScroll(view, doc)

    doc.dispatchEvent(new Event('scroll'))
    expect(dispatch).not.toHaveBeenCalled()

    doc.dispatchEvent(new WheelEvent('wheel'))
    doc.dispatchEvent(new Event('scroll'))
    expect(dispatch).toHaveBeenCalledTimes(1)
    // NOTE: the block at the preview's top is line 3 ("b", offset 3); the scroll effect targets its start.
    expect(dispatch.mock.calls[0]?.[0]).toMatchObject({ effects: { value: { range: { from: 3, to: 3 }, y: 'start' } } })

    view.scrollDOM.dispatchEvent(new WheelEvent('wheel'))
    doc.dispatchEvent(new Event('scroll'))
    expect(dispatch).toHaveBeenCalledTimes(1)

    dispose()
    doc.dispatchEvent(new WheelEvent('wheel'))
    doc.dispatchEvent(new Event('scroll'))
    expect(dispatch).toHaveBeenCalledTimes(1)
    view.destroy()
  })

  it('shows the line of a jump in the editor (outline, search hit) in the preview, even while the preview leads', () => {
    const view = new EditorView({ state: EditorState.create({ doc: 'a\n\nb\n\nc\n' }), parent: document.body })
    const doc = previewDocument()
    const scroller = doc.scrollingElement ?? doc.documentElement
    const { dispose } = syncScroll(view, doc)
    doc.dispatchEvent(new WheelEvent('wheel'))
    // NOTE: line 6 has no block of its own: the block at or above it (line 5, 300 px down) comes to the top.
    announceRevealLine(view.scrollDOM, { line: 6, y: 'start' })
    expect(scroller.scrollTop).toBe(300)
    dispose()
    announceRevealLine(view.scrollDOM, { line: 1, y: 'start' })
    expect(scroller.scrollTop).toBe(300)
    view.destroy()
  })

  it('shows a jump made before the preview had its block once the block arrives', () => {
    const view = new EditorView({ state: EditorState.create({ doc: 'a\n\nb\n\nc\n' }), parent: document.body })
    const doc = document.implementation.createHTMLDocument('preview')
    doc.body.innerHTML = '<main><h1 data-source-line="1">a</h1></main>'
    placeBlocks(doc, { '1': 0 })
    const scroller = doc.scrollingElement ?? doc.documentElement
    const sync = syncScroll(view, doc)
    // The article just opened: the outline jumps to line 5 before the preview's render has its block.
    announceRevealLine(view.scrollDOM, { line: 5, y: 'start' })
    expect(scroller.scrollTop).toBe(0)
    // The render lands: the jump's block is there now, 300 px down.
    doc.querySelector('main')?.insertAdjacentHTML('beforeend', '<p data-source-line="3">b</p><p data-source-line="5">c</p>')
    placeBlocks(doc, { '1': 0, '3': 100, '5': 300 })
    sync.contentChanged()
    expect(scroller.scrollTop).toBe(300)
    // Once the writer takes the preview, new content moves nothing.
    scroller.scrollTop = 0
    doc.dispatchEvent(new WheelEvent('wheel'))
    sync.contentChanged()
    expect(scroller.scrollTop).toBe(0)
    sync.dispose()
    view.destroy()
  })

  it('shows a pinned jump again when the preview\'s body changes size after the settle frames, and stops once the writer takes the preview', () => {
    const nextFrame = testFrames()
    const settle = (): void => {
      for (let frame = 0; frame < 10; frame++) nextFrame()
    }
    // NOTE: the observer syncScroll makes, told of a size change by the test (jsdom has no layout).
    const observers: { callback: () => void; targets: Element[] }[] = []
    vi.stubGlobal(
      'ResizeObserver',
      class {
        private readonly entry: { callback: () => void; targets: Element[] }
        constructor(callback: () => void) {
          this.entry = { callback, targets: [] }
          observers.push(this.entry)
        }
        observe(target: Element): void {
          this.entry.targets.push(target)
        }
        unobserve(): void {}
        disconnect(): void {
          this.entry.targets = []
        }
      },
    )
    const resized = (doc: Document): void => {
      for (const o of observers) if (o.targets.includes(doc.body)) o.callback()
    }
    const view = new EditorView({ state: EditorState.create({ doc: 'a\n\nb\n\nc\n' }), parent: document.body })
    const doc = previewDocument()
    const scroller = doc.scrollingElement ?? doc.documentElement
    const { dispose } = syncScroll(view, doc)
    announceRevealLine(view.scrollDOM, { line: 5, y: 'start' })
    settle()
    expect(scroller.scrollTop).toBe(300)
    // Long after the jump, a chunk above the block gets its measured height: the block is 120 px further down.
    placeBlocks(doc, { '1': -200, '3': 0, '5': 420 })
    resized(doc)
    settle()
    expect(scroller.scrollTop).toBe(420)
    // The writer takes the preview: a later size change moves nothing.
    doc.dispatchEvent(new WheelEvent('wheel'))
    placeBlocks(doc, { '1': -200, '3': 0, '5': 500 })
    resized(doc)
    settle()
    expect(scroller.scrollTop).toBe(420)
    dispose()
    expect(observers.filter((o) => o.targets.includes(doc.body))).toEqual([])
    view.destroy()
  })

  it('re-aligns the other pane when the preview\'s layout moves after a sync (an image loads, a patch lands)', () => {
    const nextFrame = testFrames()
    const view = new EditorView({ state: EditorState.create({ doc: 'a\n\nb\n\nc\n' }), parent: document.body })
    const doc = previewDocument()
    const scroller = doc.scrollingElement ?? doc.documentElement
    const { dispose } = syncScroll(view, doc)
    announceRevealLine(view.scrollDOM, { line: 5, y: 'start' })
    expect(scroller.scrollTop).toBe(300)
    // Something above the block grows (an image loads): the block moves down 40 px.
    placeBlocks(doc, { '1': -200, '3': 0, '5': 340 })
    nextFrame()
    expect(scroller.scrollTop).toBe(340)
    // Settled: the next frame finds it in place and asks for no more.
    nextFrame()
    expect(scroller.scrollTop).toBe(340)
    expect(nextFrame()).toBe(0)
    // Once the writer scrolls the preview, a later layout change moves nothing.
    announceRevealLine(view.scrollDOM, { line: 5, y: 'start' })
    placeBlocks(doc, { '1': -200, '3': 0, '5': 400 })
    doc.dispatchEvent(new WheelEvent('wheel'))
    for (let frame = 0; frame < 10; frame++) nextFrame()
    expect(scroller.scrollTop).toBe(340)
    // The preview leads: its layout changes a frame later and another block comes to the top without a scroll; the
    // editor follows it.
    const dispatch = vi.spyOn(view, 'dispatch')
    placeBlocks(doc, { '1': -200, '3': 340, '5': 400 })
    doc.dispatchEvent(new Event('scroll'))
    nextFrame()
    expect(dispatch.mock.calls.at(-1)?.[0]).toMatchObject({ effects: { value: { range: { from: 3, to: 3 } } } })
    placeBlocks(doc, { '1': -200, '3': 300, '5': 340 })
    nextFrame()
    expect(dispatch.mock.calls.at(-1)?.[0]).toMatchObject({ effects: { value: { range: { from: 6, to: 6 } } } })
    const calls = dispatch.mock.calls.length
    for (let frame = 0; frame < 10; frame++) nextFrame()
    expect(dispatch).toHaveBeenCalledTimes(calls)
    dispose()
    view.destroy()
  })
})
