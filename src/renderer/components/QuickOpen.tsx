import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '@shared/api'
import { quickOpenMatches } from '../article-query'

/** Props of the quick-open dialog. */
export interface QuickOpenProps {
  articles: readonly ArticleSummary[]
  onOpen: (path: string) => void
  onClose: () => void
}

/** Ctrl/Cmd+P: type part of a title or path, Up/Down to choose, Enter to open, Escape to close. */
export function QuickOpen({ articles, onOpen, onClose }: QuickOpenProps) {
  const [text, setText] = useState('')
  const [cursor, setCursor] = useState(0)
  const baseId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => quickOpenMatches(articles, text), [articles, text])
  useEffect(() => inputRef.current?.focus(), [])
  // NOTE: focus stays in the input (aria-activedescendant), so the browser does not scroll the chosen match into view.
  useEffect(() => {
    document.getElementById(`${baseId}-${cursor}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [baseId, cursor])
  const choose = (index: number) => {
    const match = matches[index]
    if (match === undefined) return
    onOpen(match.path)
    onClose()
  }
  return (
    <div className="quick-open-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-label="Quick open" className="quick-open" onMouseDown={(e) => e.stopPropagation()}>
        <label htmlFor={`${baseId}-input`} className="visually-hidden">
          Go to article
        </label>
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${baseId}-list`}
          aria-activedescendant={matches.length > 0 ? `${baseId}-${cursor}` : undefined}
          placeholder="Go to article by title or path"
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setCursor(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose()
            else if (e.key === 'Enter') choose(cursor)
            else if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, matches.length - 1))
            else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0))
            else return
            e.preventDefault()
          }}
        />
        <ul id={`${baseId}-list`} role="listbox" aria-label="Matching articles">
          {matches.map((a, i) => (
            <li key={a.path} id={`${baseId}-${i}`} role="option" aria-selected={i === cursor} aria-label={a.title ?? a.path} onClick={() => choose(i)}>
              <span className="item-title">{a.title ?? a.path}</span>
              <span className="item-path">{a.path}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
