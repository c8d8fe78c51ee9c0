import type { AuthoringRequest } from './authoring-commands'

/** Props of the toolbar's authoring buttons. */
export interface ArticleActionsProps {
  activePath: string | null
  onRequest: (request: AuthoringRequest) => void
}

/** Toolbar buttons: Insert image… and the Article menu (Rename, Move, Duplicate, Delete) for the open article, and Terms. */
export function ArticleActions({ activePath, onRequest }: ArticleActionsProps) {
  return (
    <>
      <button type="button" className="button-quiet authoring-button authoring-insert-image" disabled={activePath === null} aria-haspopup="dialog" onClick={() => activePath !== null && onRequest({ kind: 'insert-image', path: activePath })}>
        Insert image…
      </button>
      <button
        type="button"
        className="button-quiet authoring-button"
        disabled={activePath === null}
        aria-haspopup="menu"
        onClick={(e) => {
          e.stopPropagation()
          const rect = e.currentTarget.getBoundingClientRect()
          if (activePath !== null) onRequest({ kind: 'menu', path: activePath, x: rect.left, y: rect.bottom + 2 })
        }}
      >
        Article ▾
      </button>
      <button type="button" className="button-quiet authoring-button" aria-haspopup="dialog" onClick={() => onRequest({ kind: 'terms' })}>
        Terms
      </button>
    </>
  )
}
