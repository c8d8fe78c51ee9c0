import { useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '@shared/api'
import { ArticleListItem } from './ArticleListItem'
import { filterArticles } from '../article-filter'
import './ArticleList.css'

/** Props of the article list. */
export interface ArticleListProps {
  articles: readonly ArticleSummary[]
  activePath: string | null
  dirtyPaths: ReadonlySet<string>
  onOpen: (path: string) => void
}

/**
 * The filterable list of the folder's articles: a `listbox` named "Articles" whose keyboard cursor is tracked with
 * `aria-activedescendant` (so a later virtualised version can keep the same semantics). Up/Down move, Enter opens.
 */
export function ArticleList({ articles, activePath, dirtyPaths, onOpen }: ArticleListProps) {
  const [query, setQuery] = useState('')
  const [cursorPath, setCursorPath] = useState<string | null>(null)
  const baseId = useId()
  const visible = useMemo(() => filterArticles(articles, query), [articles, query])
  const cursorIndex = indexOfPath(visible, cursorPath ?? activePath)
  const optionId = useCallback((index: number) => `${baseId}-option-${index}`, [baseId])

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextIndex(event.key, cursorIndex, visible.length)
    if (next !== null) {
      event.preventDefault()
      setCursorPath(visible[next].path)
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' })
    } else if (event.key === 'Enter' && cursorIndex >= 0) {
      event.preventDefault()
      onOpen(visible[cursorIndex].path)
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
        />
      </div>
      <ul
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        aria-activedescendant={cursorIndex >= 0 ? optionId(cursorIndex) : undefined}
        onKeyDown={onKeyDown}
      >
        {visible.map((article, index) => (
          <ArticleListItem
            key={article.path}
            id={optionId(index)}
            article={article}
            isSelected={article.path === activePath}
            isCursor={index === cursorIndex}
            isDirty={dirtyPaths.has(article.path)}
            onOpen={onOpen}
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
