import { useEffect } from 'react'
import type { AuthoringRequest } from './authoring-commands'

/** Props of the article menu (a list row's or a tab's context menu, or the toolbar's Article menu). */
export interface ArticleMenuProps {
  path: string
  x: number
  y: number
  onRequest: (request: AuthoringRequest | null) => void
  /** Desktop: shows the article in Finder/Explorer (absent in browser mode, where there is no file manager). */
  onReveal?: (path: string) => void
}

/** The actions on one article: Rename…, Move to…, Duplicate, Insert image…, Move to Trash. A click anywhere closes it. */
export function ArticleMenu({ path, x, y, onRequest, onReveal }: ArticleMenuProps) {
  useEffect(() => {
    const dismiss = (): void => onRequest(null)
    window.addEventListener('click', dismiss)
    return () => window.removeEventListener('click', dismiss)
  }, [onRequest])
  // NOTE: kept inside the window at 900x600 (the menu is about 12rem by 11rem).
  const left = Math.max(0, Math.min(x, window.innerWidth - 200))
  const top = Math.max(0, Math.min(y, window.innerHeight - 190))
  return (
    <div role="menu" aria-label={`Actions for ${path}`} className="article-menu" style={{ left, top }} onKeyDown={(e) => e.key === 'Escape' && onRequest(null)}>
      <button role="menuitem" type="button" autoFocus onClick={() => onRequest({ kind: 'rename', path })}>
        Rename…
      </button>
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'move', path })}>
        Move to…
      </button>
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'duplicate', path })}>
        Duplicate
      </button>
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'insert-image', path })}>
        Insert image…
      </button>
      {onReveal && (
        <button role="menuitem" type="button" onClick={() => onReveal(path)}>
          Reveal in File Manager
        </button>
      )}
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'delete', path })}>
        Move to Trash
      </button>
    </div>
  )
}

/** A menu request placed at an element (for a context menu opened from the keyboard, which has no pointer position). */
export function menuAt(path: string, event: { clientX: number; clientY: number; currentTarget: Element }): AuthoringRequest {
  if (event.clientX !== 0 || event.clientY !== 0) return { kind: 'menu', path, x: event.clientX, y: event.clientY }
  const rect = event.currentTarget.getBoundingClientRect()
  return { kind: 'menu', path, x: rect.left, y: rect.bottom }
}
