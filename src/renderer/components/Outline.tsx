import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { currentHeadingIndex, extractOutline, nestOutline, OutlineScan, type OutlineHeading, type OutlineNode, type OutlineText } from '@shared/markdown/outline'
import type { EditorController } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'

/** Props of the outline. */
export interface OutlineProps {
  editor: EditorController
  onClose: () => void
}

function headingsOf(editor: EditorController): OutlineHeading[] {
  if (editor.activePath === null) return []
  const state = editor.view.state
  return extractOutline(state.doc.toString(), frontMatterOf(state).block?.to ?? 0)
}

/** Characters of text the outline reads per task: an ordinary article in one go, a long one a slice at a time. */
export const outlineSliceChars = 65_536

/** Reads the active article's headings for `done`, a slice per task when it is long; returns the cancel. */
export function scanHeadings(editor: EditorController, done: (headings: OutlineHeading[]) => void, defer: (next: () => void) => void = (next) => setTimeout(next, 0)): () => void {
  if (editor.activePath === null) {
    done([])
    return () => {}
  }
  const state = editor.view.state
  const doc = state.doc
  // NOTE: read from the document a line at a time: a copy of a 1 MB text per pause in typing cost more than the scan.
  const text: OutlineText = { length: doc.length, lineEnd: (at) => doc.lineAt(at).to, slice: (from, to) => doc.sliceString(from, to), lineNumber: (at) => doc.lineAt(at).number }
  const scan = new OutlineScan(text, frontMatterOf(state).block?.to ?? 0)
  let isCancelled = false
  const step = (): void => {
    if (isCancelled) return
    if (scan.advance(outlineSliceChars)) done(scan.headings)
    else defer(step)
  }
  step()
  return () => {
    isCancelled = true
  }
}

/** The heading whose section is at the top of the editor's visible text. */
function topHeading(editor: EditorController, headings: readonly OutlineHeading[]): number {
  const view = editor.view
  const top = view.lineBlockAtHeight(view.scrollDOM.scrollTop + 4).from
  const caret = view.state.selection.main.head
  // NOTE: while the caret is on screen its section is the current one; else the section at the top of the view.
  const isCaretVisible = view.visibleRanges.some((r) => caret >= r.from && caret <= r.to)
  return currentHeadingIndex(headings, isCaretVisible ? caret : top)
}

/**
 * The article's outline (a navigation named "Outline"): ATX and setext headings, nested by level; the section in
 * view is marked as current while scrolling and typing; a click jumps the editor (and the preview, which follows it).
 */
export function Outline({ editor, onClose }: OutlineProps) {
  const [headings, setHeadings] = useState<OutlineHeading[]>(() => headingsOf(editor))
  const [current, setCurrent] = useState(-1)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelScan = (): void => {}
    let latest: OutlineHeading[] = []
    const refresh = () => {
      cancelScan()
      cancelScan = scanHeadings(editor, (next) => {
        latest = next
        setHeadings(next)
        setCurrent(topHeading(editor, next))
      })
    }
    refresh()
    const stop = editor.subscribe((event) => {
      clearTimeout(timer)
      timer = setTimeout(refresh, event.kind === 'switched' ? 0 : 200)
    })
    // NOTE: scrolling moves the current mark over the headings already read; it never reads the text again.
    const onScroll = () => setCurrent(topHeading(editor, latest))
    editor.view.scrollDOM.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      clearTimeout(timer)
      cancelScan()
      stop()
      editor.view.scrollDOM.removeEventListener('scroll', onScroll)
    }
  }, [editor])
  const tree = useMemo(() => nestOutline(headings), [headings])
  const jump = (heading: OutlineHeading) => {
    const path = editor.activePath
    if (path === null) return
    const line = editor.view.state.doc.lineAt(heading.from)
    editor.select(path, line.to, line.to, 'start')
  }
  const render = (nodes: readonly OutlineNode[]): ReactNode => (
    <ul>
      {nodes.map((node) => {
        const index = headings.findIndex((h) => h.from === node.from)
        return (
          <li key={node.from}>
            <button type="button" className="outline-item" aria-current={index === current ? 'location' : undefined} onClick={() => jump(node)}>
              {node.text === '' ? '(empty heading)' : node.text}
            </button>
            {node.children.length > 0 && render(node.children)}
          </li>
        )
      })}
    </ul>
  )
  return (
    <nav className="outline" aria-label="Outline">
      <div className="outline-header">
        <h2>Outline</h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label="Close outline">
          ×
        </button>
      </div>
      {tree.length === 0 ? <p className="outline-empty">No headings in this article.</p> : render(tree)}
    </nav>
  )
}
