import { useEffect, useState, type RefObject } from 'react'

/** The slice of a fixed-row list to render and the space to leave around it, in pixels. */
export interface ListWindow {
  start: number
  end: number
  paddingTop: number
  paddingBottom: number
}

// NOTE: before layout (and in jsdom) the container reports height 0; assume a tall viewport so rows render.
const fallbackHeight = 1200

/**
 * Windowing for a scrollable list of rows of equal height: only the rows in view (plus `overscan` on each side)
 * are rendered, so a folder of thousands of articles stays a few dozen DOM nodes.
 */
export function useListWindow(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8): ListWindow {
  const [viewport, setViewport] = useState({ top: 0, height: fallbackHeight })

  useEffect(() => {
    const element = container.current
    if (!element) return
    const measure = () => setViewport({ top: element.scrollTop, height: element.clientHeight || fallbackHeight })
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => {
      element.removeEventListener('scroll', measure)
      observer.disconnect()
    }
  }, [container])

  const start = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan)
  const end = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan)
  return { start, end, paddingTop: start * rowHeight, paddingBottom: Math.max(0, count - end) * rowHeight }
}

/** Scrolls `element` just enough to show row `index` of a windowed list (the scroll event re-renders the window). */
export function scrollRowIntoView(element: HTMLElement, index: number, rowHeight: number): void {
  const height = element.clientHeight || fallbackHeight
  const top = index * rowHeight
  if (top < element.scrollTop) element.scrollTop = top
  else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height
}
