import { useEffect, useRef } from 'react'
import type { EditorController } from '../editor/editor-controller'
import { editorHelpId, editorHelpText } from '../editor-help'

/** Mounts the controller's CodeMirror view once; the text itself never passes through React. */
export function EditorPane({ editor, hasDocument }: { editor: EditorController; hasDocument: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const parent = ref.current
    if (!parent) return
    editor.mount(parent)
    return () => editor.unmount()
  }, [editor])
  return (
    <div className="editor-pane">
      <div ref={ref} className="editor-host" hidden={!hasDocument} />
      <p id={editorHelpId} className="visually-hidden">
        {editorHelpText}
      </p>
      {!hasDocument && <p className="editor-empty">Select an article to start writing.</p>}
    </div>
  )
}
