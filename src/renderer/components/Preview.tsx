import { useEffect, useRef } from 'react'
import type { EditorController } from '../editor/editor-controller'
import { renderPreviewHtml } from '../preview/render-preview'
import { syncPreviewScroll } from '../preview/scroll-sync'
import './Preview.css'

/** Delay after the last keystroke before the preview re-renders, in milliseconds. */
export const previewDelayMs = 120

/**
 * The live preview (a region named "Preview"). It listens to the editor directly, renders off the keystroke path
 * after a short pause, sets only sanitised HTML, keeps its scroll position across re-renders and follows the
 * editor's scrolling.
 */
export function Preview({ editor }: { editor: EditorController }) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const render = (isNewDocument = false) => {
      const element = ref.current
      if (!element) return
      const scrollTop = isNewDocument ? 0 : element.scrollTop
      element.innerHTML = editor.activePath === null ? '' : renderPreviewHtml(editor.view.state)
      element.scrollTop = scrollTop
    }
    render()
    const stopSync = ref.current ? syncPreviewScroll(editor.view, ref.current) : () => {}
    const unsubscribe = editor.subscribe((event) => {
      clearTimeout(timer)
      if (event.kind === 'switched') render(true)
      else if (event.isDocChanged) timer = setTimeout(() => render(), previewDelayMs)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
      stopSync()
    }
  }, [editor])
  return <section ref={ref} aria-label="Preview" className="preview markdown-body" />
}
