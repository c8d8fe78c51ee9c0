import { EditorView } from '@codemirror/view'
import { revealLineEvent, type RevealLine } from '../editor/reveal-line'

/** Which pane the writer last touched; only that pane's scrolling moves the other, so neither echoes back. */
type Lead = 'editor' | 'preview'

const inputEvents = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const
/** For how many frames after syncing one pane the other is re-aligned if the preview's layout moved. */
const settleFrames = 4

function blocksOf(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-source-line]')]
}

/** The element with the greatest `data-source-line` not after `line` (document order breaks ties), or null. */
export function lastBlockAtOrAbove(preview: ParentNode, line: number): HTMLElement | null {
  let best: HTMLElement | null = null
  let bestLine = -1
  for (const element of blocksOf(preview)) {
    const value = Number(element.dataset.sourceLine)
    if (value <= line && value > bestLine) {
      best = element
      bestLine = value
    }
  }
  return best
}

/**
 * The source line of the block at the top of the preview's viewport: the last block (document order) whose top is
 * at or above `top` (viewport pixels), else the first block; null when there are none.
 */
export function sourceLineAtTop(preview: ParentNode, top = 1): number | null {
  const blocks = blocksOf(preview)
  let chosen: HTMLElement | undefined = blocks[0]
  for (const element of blocks) if (element.getBoundingClientRect().top <= top) chosen = element
  const line = Number(chosen?.dataset.sourceLine)
  return Number.isFinite(line) && line > 0 ? line : null
}

/**
 * Keeps editor and preview (the frame's document) scrolled to the same source line, both ways: the pane the writer
 * last used (wheel, pointer, key, touch) leads and the other follows once per frame, so programmatic scrolling never
 * feeds back. `blockAtOrAbove` finds a line's block and `lineAtTop` the line at the top of the preview (defaults:
 * lastBlockAtOrAbove and sourceLineAtTop over the document; the preview passes its own index of blocks, which needs
 * no scan of a long article). Returns the running sync (dispose it when done).
 */
export function syncScroll(
  view: EditorView,
  doc: Document,
  blockAtOrAbove: (line: number) => HTMLElement | null = (line) => lastBlockAtOrAbove(doc, line),
  lineAtTop: (top: number) => number | null = (top) => sourceLineAtTop(doc, top),
): ScrollSync {
  let lead: Lead = 'editor'
  let frame = 0
  let settling = 0
  const scroller = (): Element | null => doc.scrollingElement ?? doc.documentElement
  // NOTE: a target may move after it was placed (an image above it loads, a patch lands above it): the next frames
  // re-align it until it stays (at most `settleFrames`), unless the writer takes the preview meanwhile.
  const align = (target: HTMLElement, offset: number, framesLeft = settleFrames): void => {
    const element = scroller()
    if (!element || !target.isConnected) return
    const delta = target.getBoundingClientRect().top - offset
    if (framesLeft < settleFrames && Math.abs(delta) < 1) return
    element.scrollTop += delta
    settleLater('editor', framesLeft, () => align(target, offset, framesLeft - 1))
  }
  /** Runs `next` on the next frame if frames are left and `from` still leads (one pending settle at a time). */
  const settleLater = (from: Lead, framesLeft: number, next: () => void): void => {
    if (settling !== 0) cancelAnimationFrame(settling)
    settling = 0
    if (framesLeft <= 0) return
    settling = requestAnimationFrame(() => {
      settling = 0
      if (lead === from) next()
    })
  }
  const editorToPreview = (): void => {
    const block = view.lineBlockAtHeight(view.scrollDOM.getBoundingClientRect().top - view.documentTop)
    const target = blockAtOrAbove(view.state.doc.lineAt(block.from).number)
    if (target) align(target, 0)
  }
  // NOTE: likewise the block at the preview's top may change without a scroll (a layout change above it): the next
  // frames follow it while the preview leads.
  let shownLine: number | null = null
  const previewToEditor = (framesLeft = settleFrames): void => {
    const line = lineAtTop(1)
    if (line !== null && (framesLeft === settleFrames || line !== shownLine)) {
      shownLine = line
      const pos = view.state.doc.line(Math.min(line, view.state.doc.lines)).from
      view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'start' }) })
    }
    settleLater('preview', framesLeft, () => previewToEditor(framesLeft - 1))
  }
  const schedule = (from: Lead) => () => {
    if (from !== lead || frame !== 0) return
    frame = requestAnimationFrame(() => {
      frame = 0
      if (lead === 'editor') {
        if (pinned) showPinned()
        else editorToPreview()
      }
      else previewToEditor()
    })
  }
  // NOTE: a jump in the editor (outline, search hit) shows its line's block in the preview (at the top, or the middle
  // for a search hit) and keeps it there while the editor scrolls to the jump, which may stop short of the line near
  // the end of the text; the writer's next wheel, click, key or touch in either pane ends it.
  let pinned: RevealLine | null = null
  const showPinned = (): void => {
    if (!pinned) return
    const target = blockAtOrAbove(pinned.line)
    if (!target) return
    const viewport = doc.defaultView?.innerHeight ?? 0
    align(target, pinned.y === 'center' ? viewport / 2 : 0)
  }
  const onReveal = (event: Event): void => {
    pinned = (event as CustomEvent<RevealLine>).detail
    lead = 'editor'
    showPinned()
  }
  view.scrollDOM.addEventListener(revealLineEvent, onReveal)
  const onEditorScroll = schedule('editor')
  const onPreviewScroll = schedule('preview')
  const editorLeads = (): void => {
    lead = 'editor'
    pinned = null
  }
  const previewLeads = (): void => {
    lead = 'preview'
    pinned = null
  }
  view.scrollDOM.addEventListener('scroll', onEditorScroll, { passive: true })
  doc.addEventListener('scroll', onPreviewScroll, { passive: true })
  for (const type of inputEvents) {
    view.scrollDOM.addEventListener(type, editorLeads, { passive: true, capture: true })
    doc.addEventListener(type, previewLeads, { passive: true, capture: true })
  }
  // NOTE: a jump made before the preview had its block (the article just opened, its render still in the worker, or
  // the page rebuilt when the asset prefix arrived) found nothing to show and waited for a scroll that never came: the
  // preview's blocks changing shows it then.
  const contentChanged = (): void => {
    if (lead !== 'editor' || !pinned || frame !== 0) return
    frame = requestAnimationFrame(() => {
      frame = 0
      if (lead === 'editor') showPinned()
    })
  }
  // NOTE: the jump's block also moves when the preview's height changes after the settle frames, with no scroll and
  // no patch (a chunk's estimated height replaced by its measured one, an image loading above the block on a busy
  // machine): while a jump is pinned, a change in the size of the preview's body shows it again. Unpinned, it costs a
  // call that returns at once. The app's ResizeObserver: the preview frame runs no script of its own.
  const Observer = typeof ResizeObserver === 'function' ? ResizeObserver : undefined
  const resizes = Observer !== undefined && doc.body !== null ? new Observer(contentChanged) : null
  if (doc.body !== null) resizes?.observe(doc.body)
  const dispose = (): void => {
    resizes?.disconnect()
    view.scrollDOM.removeEventListener(revealLineEvent, onReveal)
    view.scrollDOM.removeEventListener('scroll', onEditorScroll)
    doc.removeEventListener('scroll', onPreviewScroll)
    for (const type of inputEvents) {
      view.scrollDOM.removeEventListener(type, editorLeads, { capture: true })
      doc.removeEventListener(type, previewLeads, { capture: true })
    }
    if (frame !== 0) cancelAnimationFrame(frame)
    if (settling !== 0) cancelAnimationFrame(settling)
  }
  return { dispose, contentChanged }
}

/** A running scroll sync (see syncScroll). */
export interface ScrollSync {
  dispose: () => void
  /** The preview's blocks changed (a render applied): a jump still to show is shown. */
  contentChanged: () => void
}
