import { useEffect } from 'react'

/** Sets the window title to `• <title> — Folio` while dirty, `<title> — Folio` otherwise, `Folio` with no title. */
export function useDocumentTitle(title: string | null, isDirty: boolean): void {
  useEffect(() => {
    document.title = title === null ? 'Folio' : `${isDirty ? '• ' : ''}${title} — Folio`
  }, [title, isDirty])
}
