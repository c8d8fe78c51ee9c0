import type { EditorView } from '@codemirror/view'

/**
 * Keeps the preview's scroll in step with the editor: when the editor scrolls, the preview brings the block whose
 * `data-source-line` is the last at or above the editor's top line to its top. One-way (editor leads), once per
 * frame. Returns the disposer.
 */
export function syncPreviewScroll(view: EditorView, preview: HTMLElement): () => void {
  let frame = 0
  const sync = () => {
    frame = 0
    const block = view.lineBlockAtHeight(view.scrollDOM.getBoundingClientRect().top - view.documentTop)
    const topLine = view.state.doc.lineAt(block.from).number
    const target = lastBlockAtOrAbove(preview, topLine)
    if (!target) return
    const offset = target.getBoundingClientRect().top - preview.getBoundingClientRect().top
    preview.scrollTop += offset
  }
  const onScroll = () => {
    if (frame === 0) frame = requestAnimationFrame(sync)
  }
  view.scrollDOM.addEventListener('scroll', onScroll, { passive: true })
  return () => {
    view.scrollDOM.removeEventListener('scroll', onScroll)
    if (frame !== 0) cancelAnimationFrame(frame)
  }
}

/** The element with the greatest `data-source-line` not after `line` (document order breaks ties), or null. */
export function lastBlockAtOrAbove(preview: HTMLElement, line: number): HTMLElement | null {
  let best: HTMLElement | null = null
  let bestLine = -1
  for (const element of preview.querySelectorAll<HTMLElement>('[data-source-line]')) {
    const value = Number(element.dataset.sourceLine)
    if (value <= line && value > bestLine) {
      best = element
      bestLine = value
    }
  }
  return best
}
