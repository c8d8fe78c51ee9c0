import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { currentHeadingIndex, extractOutline, nestOutline, type OutlineHeading, type OutlineNode } from '@shared/markdown/outline'
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
    const refresh = () => {
      const next = headingsOf(editor)
      setHeadings(next)
      setCurrent(topHeading(editor, next))
    }
    refresh()
    const stop = editor.subscribe((event) => {
      clearTimeout(timer)
      timer = setTimeout(refresh, event.kind === 'switched' ? 0 : 200)
    })
    const onScroll = () => setCurrent(topHeading(editor, headingsOf(editor)))
    editor.view.scrollDOM.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      clearTimeout(timer)
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
