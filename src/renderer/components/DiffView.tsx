import { useEffect, useRef } from 'react'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { MergeView } from '@codemirror/merge'
import './DiffView.css'

/** Props of the diff view: two read-only texts side by side, each with a label above it. */
export interface DiffViewProps {
  left: string
  right: string
  leftLabel: string
  rightLabel: string
  /** Folds long runs of unchanged lines (a whole article where one line changed), keeping 3 lines of context. */
  isCollapsed?: boolean
}

const readOnlyText = (doc: string) => ({ doc, extensions: [EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.lineWrapping] })

/** A side-by-side comparison (CodeMirror's MergeView) of two texts; neither side can be edited here. */
export function DiffView({ left, right, leftLabel, rightLabel, isCollapsed = false }: DiffViewProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const parent = ref.current
    if (!parent) return
    const view = new MergeView({ a: readOnlyText(left), b: readOnlyText(right), parent, gutter: true, highlightChanges: true, ...(isCollapsed ? { collapseUnchanged: { margin: 3, minSize: 6 } } : {}) })
    return () => view.destroy()
  }, [left, right, isCollapsed])
  return (
    <div className="diff-view">
      <div className="diff-labels">
        <span>{leftLabel}</span>
        <span>{rightLabel}</span>
      </div>
      <div ref={ref} className="diff-host" />
    </div>
  )
}
