import { useEffect } from 'react'

/**
 * Ctrl/Cmd+S anywhere in the window saves (the editor's own keymap handles it inside the text and marks the event
 * handled, so it is not saved twice). Keeps the browser's "save page" dialog away in browser mode.
 */
export function useSaveShortcut(onSave: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return
      if (!(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      onSave()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onSave])
}
