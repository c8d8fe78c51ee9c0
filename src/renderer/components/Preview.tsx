import { useEffect, useRef } from 'react'
import type { EditorController } from '../editor/editor-controller'
import { renderPreviewHtml } from '../preview/render-preview'
import './Preview.css'

/** Delay after the last keystroke before the preview re-renders, in milliseconds. */
export const previewDelayMs = 120

/**
 * The live preview (a region named "Preview"). It listens to the editor directly, renders off the keystroke path
 * after a short pause, sets only sanitised HTML and keeps its scroll position across re-renders.
 */
export function Preview({ editor }: { editor: EditorController }) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const render = () => {
      const element = ref.current
      if (!element) return
      const scrollTop = element.scrollTop
      element.innerHTML = editor.activePath === null ? '' : renderPreviewHtml(editor.view.state)
      element.scrollTop = scrollTop
    }
    render()
    const unsubscribe = editor.subscribe((event) => {
      clearTimeout(timer)
      if (event.kind === 'switched') render()
      else if (event.isDocChanged) timer = setTimeout(render, previewDelayMs)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [editor])
  return <section ref={ref} aria-label="Preview" className="preview markdown-body" />
}
