import { useEffect, useRef } from 'react'

/** How long the window title waits for typing in the article's title to pause before showing the new text (ms). */
export const titleTypingDelayMs = 300

const titleText = (title: string | null, isDirty: boolean): string => (title === null ? 'Folio' : `${isDirty ? '• ' : ''}${title} — Folio`)

/**
 * Sets the window title to `• <title> — Folio` while dirty, `<title> — Folio` otherwise, `Folio` with no title.
 * The dirty mark, another article (`key`) and a clean state show at once; a new title while the same article stays
 * dirty (the writer typing its title) shows once typing pauses for titleTypingDelayMs.
 * NOTE: setting document.title cost 3.5-6.7 ms a keystroke in a 1 MB article's trace (the browser updates the
 * window and tab titles each time); the "•" must still appear with the first edit.
 */
export function useDocumentTitle(title: string | null, isDirty: boolean, key: string | null = null): void {
  const shown = useRef<{ isDirty: boolean; key: string | null } | null>(null)
  useEffect(() => {
    const show = (): void => {
      document.title = titleText(title, isDirty)
      shown.current = { isDirty, key }
    }
    const last = shown.current
    const isTyping = last !== null && isDirty && last.isDirty && last.key === key && title !== null
    if (!isTyping) {
      show()
      return undefined
    }
    const timer = setTimeout(show, titleTypingDelayMs)
    return () => clearTimeout(timer)
  }, [title, isDirty, key])
}
