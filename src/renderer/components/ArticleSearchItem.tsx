import { memo, type ReactNode } from 'react'
import type { SearchHit } from '@shared/api'
import type { TextRange } from '../editor/text-range'

/** Props of one search result row. */
export interface ArticleSearchItemProps {
  id: string
  position: number
  setSize: number
  hit: SearchHit
  isSelected: boolean
  isCursor: boolean
  /** Opens the article with its first match selected (when the host told where it is). */
  onOpen: (path: string, at?: TextRange) => void
}

function highlighted(text: string, ranges: readonly [number, number][]): ReactNode[] {
  const out: ReactNode[] = []
  let at = 0
  for (const [from, to] of ranges) {
    if (from < at) continue
    out.push(text.slice(at, from), <mark key={from}>{text.slice(from, to)}</mark>)
    at = to
  }
  out.push(text.slice(at))
  return out
}

/** One `option` in the list's search mode: named by the title (or path), with the snippet and its matches marked. */
export const ArticleSearchItem = memo(function ArticleSearchItem({ id, position, setSize, hit, isSelected, isCursor, onOpen }: ArticleSearchItemProps) {
  const snippet = hit.snippets[0]
  const classes = ['article-item', 'search-item', isSelected && 'is-selected', isCursor && 'is-cursor'].filter(Boolean).join(' ')
  return (
    <li
      id={id}
      role="option"
      aria-selected={isSelected}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={hit.title ?? hit.path}
      aria-describedby={`${id}-snippet`}
      className={classes}
      onClick={() => onOpen(hit.path, snippet?.match)}
    >
      <span className="item-title">{hit.title ?? hit.path}</span>
      <span className="item-snippet" id={`${id}-snippet`}>
        {snippet ? highlighted(snippet.text, snippet.highlights) : hit.path}
      </span>
    </li>
  )
})
