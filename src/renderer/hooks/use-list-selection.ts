import { useCallback, useRef, useState } from 'react'

/** The articles picked in the list (for export and other actions on many), apart from the one open in the editor. */
export interface ListSelection {
  picked: ReadonlySet<string>
  /** Ctrl/Cmd+click or Space: adds or removes one row; it becomes the anchor of a later range. */
  toggle: (path: string) => void
  /** Shift+click: picks every row from the anchor (or `from`, the cursor, when there is none yet) to `path`. */
  extendTo: (path: string, rows: readonly { path: string }[], from: string | null) => void
  clear: () => void
}

/** Multi-selection state of the article list. */
export function useListSelection(): ListSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set())
  const anchor = useRef<string | null>(null)
  const toggle = useCallback((path: string) => {
    anchor.current = path
    setPicked((previous) => {
      const next = new Set(previous)
      if (!next.delete(path)) next.add(path)
      return next
    })
  }, [])
  const extendTo = useCallback((path: string, rows: readonly { path: string }[], from: string | null) => {
    const start = rows.findIndex((r) => r.path === (anchor.current ?? from ?? path))
    const end = rows.findIndex((r) => r.path === path)
    if (end === -1) return
    const [lo, hi] = start === -1 ? [end, end] : [Math.min(start, end), Math.max(start, end)]
    anchor.current ??= path
    setPicked(new Set(rows.slice(lo, hi + 1).map((r) => r.path)))
  }, [])
  const clear = useCallback(() => {
    anchor.current = null
    setPicked((previous) => (previous.size === 0 ? previous : new Set()))
  }, [])
  return { picked, toggle, extendTo, clear }
}
