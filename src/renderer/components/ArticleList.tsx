import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '@shared/api'
import { ArticleListItem } from './ArticleListItem'
import { filterArticles } from '../article-filter'
import { scrollRowIntoView, useListWindow } from '../hooks/use-list-window'
import './ArticleList.css'

/** Height of one row in pixels; ArticleList.css gives `.article-item` the same height. */
export const articleRowHeight = 52

/** Props of the article list. */
export interface ArticleListProps {
  articles: readonly ArticleSummary[]
  activePath: string | null
  dirtyPaths: ReadonlySet<string>
  onOpen: (path: string) => void
}

/**
 * The filterable list of the folder's articles: a `listbox` named "Articles" whose keyboard cursor is tracked with
 * `aria-activedescendant`. Only the rows in view are rendered (fixed row height), with aria-setsize/posinset so
 * assistive technology still knows the list's length. Up/Down/Home/End move the cursor, Enter opens.
 */
export function ArticleList({ articles, activePath, dirtyPaths, onOpen }: ArticleListProps) {
  const [query, setQuery] = useState('')
  const [cursorPath, setCursorPath] = useState<string | null>(null)
  const baseId = useId()
  const visible = useMemo(() => filterArticles(articles, query), [articles, query])
  const cursorIndex = indexOfPath(visible, cursorPath ?? activePath)
  const optionId = useCallback((index: number) => `${baseId}-option-${index}`, [baseId])
  const listRef = useRef<HTMLUListElement>(null)
  const rows = useListWindow(listRef, visible.length, articleRowHeight)
  const open = useCallback(
    (path: string) => {
      setCursorPath(path)
      onOpen(path)
    },
    [onOpen],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextIndex(event.key, cursorIndex, visible.length)
    if (next !== null) {
      event.preventDefault()
      setCursorPath(visible[next].path)
      if (listRef.current) scrollRowIntoView(listRef.current, next, articleRowHeight)
    } else if (event.key === 'Enter' && cursorIndex >= 0) {
      event.preventDefault()
      open(visible[cursorIndex].path)
    }
  }

  return (
    <nav className="article-list" aria-label="Article browser">
      <div className="article-filter">
        <label htmlFor={`${baseId}-filter`}>Filter articles</label>
        <input
          id={`${baseId}-filter`}
          type="search"
          value={query}
          placeholder="Filter by title or path"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              listRef.current?.focus()
            }
          }}
        />
      </div>
      <ul
        ref={listRef}
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        aria-activedescendant={cursorIndex >= rows.start && cursorIndex < rows.end ? optionId(cursorIndex) : undefined}
        onKeyDown={onKeyDown}
        style={{ paddingTop: rows.paddingTop, paddingBottom: rows.paddingBottom }}
      >
        {visible.slice(rows.start, rows.end).map((article, offset) => (
          <ArticleListItem
            key={article.path}
            id={optionId(rows.start + offset)}
            position={rows.start + offset + 1}
            setSize={visible.length}
            article={article}
            isSelected={article.path === activePath}
            isCursor={rows.start + offset === cursorIndex}
            isDirty={dirtyPaths.has(article.path)}
            onOpen={open}
          />
        ))}
      </ul>
      {visible.length === 0 && <p className="article-list-empty">{articles.length === 0 ? 'No articles in this folder.' : 'No articles match.'}</p>}
    </nav>
  )
}

function indexOfPath(articles: readonly ArticleSummary[], path: string | null): number {
  return path === null ? -1 : articles.findIndex((a) => a.path === path)
}

function nextIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null
  if (key === 'ArrowDown') return Math.min(current + 1, count - 1)
  if (key === 'ArrowUp') return Math.max(current - 1, 0)
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return null
}
