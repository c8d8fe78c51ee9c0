import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import type { ArticleSummary } from '@shared/api'
import { facetCounts, filterArticles, noFilters, queryArticles, type ArticleFilters, type ArticleSort } from '../article-query'
import { useFolderSearch } from '../hooks/use-folder-search'
import { useListSelection } from '../hooks/use-list-selection'
import { scrollRowIntoView } from '../hooks/use-list-window'
import { ArticleIndexContext } from './article-index-context'
import { ArticleListFilters } from './ArticleListFilters'
import { ArticleListItem } from './ArticleListItem'
import { ArticleSearchItem } from './ArticleSearchItem'
import { QuickOpen } from './QuickOpen'
import type { TextRange } from '../editor/text-range'
import './ArticleList.css'

/** Height of one row in pixels; ArticleList.css gives `.article-item` the same height. */
export const articleRowHeight = 52

/** Props of the article list. */
export interface ArticleListProps {
  articles: readonly ArticleSummary[]
  activePath: string | null
  /** The problems the form finds in the article being edited, as you type (badged on its row). */
  activeProblems?: readonly string[]
  dirtyPaths: ReadonlySet<string>
  /** Opens an article; a search hit passes where its first match is, to select it. */
  onOpen: (path: string, at?: TextRange) => void
  /** Rename (F2), Delete (Delete key) and the context menu of a row; none when absent. */
  onArticleAction?: (request: { kind: 'rename' | 'delete'; path: string } | { kind: 'menu'; path: string; x: number; y: number }) => void
  /** Told what the list shows (filters applied) and which rows are picked, whenever either changes. */
  onListState?: (state: ListState) => void
  /** Git: changed articles → their letter (M, A, U, C…), badged on the rows and filterable. */
  gitBadges?: ReadonlyMap<string, string>
  /** Session restore: the order and filters the folder had (applied once when it arrives), and told of changes. */
  restoredView?: ListView | null
  onViewChange?: (view: ListView) => void
}

/** The list's order and filters, restored per folder. */
export interface ListView {
  sort: ArticleSort
  filters: ArticleFilters
}

/** What the list shows and which of its rows the writer picked (Ctrl/Cmd+click, Shift+click, Space). */
export interface ListState {
  shown: readonly ArticleSummary[]
  picked: readonly string[]
}

const number = new Intl.NumberFormat()

// NOTE: before layout (or in a test DOM) the list measures 0 px high; the window's height stands in so the first
// rows render at once instead of after the first resize.
function observeRect(instance: Virtualizer<HTMLUListElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 }))
}

/**
 * The folder's articles as a `listbox` named "Articles", virtualized (@tanstack/react-virtual) with
 * aria-setsize/posinset: sortable, filterable by text, tag, category, build status and errors (facets with counts),
 * and switched to full-text search results (with marked snippets) while the folder search has a query.
 * Up/Down/Home/End move the cursor, Enter opens; Ctrl/Cmd+P opens quick open, Ctrl/Cmd+Shift+F focuses search.
 */
export function ArticleList({ articles, activePath, activeProblems, dirtyPaths, onOpen, onListState, gitBadges, onArticleAction, restoredView = null, onViewChange }: ArticleListProps) {
  const index = useContext(ArticleIndexContext)
  const [filters, setFilters] = useState<ArticleFilters>(noFilters)
  const [sort, setSort] = useState<ArticleSort>('path')
  const [seenView, setSeenView] = useState<ListView | null>(null)
  if (restoredView !== seenView) {
    // NOTE: adjusting state during render (React's pattern for following a prop): the restored view arrives once.
    setSeenView(restoredView)
    if (restoredView !== null) {
      setSort(restoredView.sort)
      setFilters(restoredView.filters)
    }
  }
  useEffect(() => {
    onViewChange?.({ sort, filters })
  }, [onViewChange, sort, filters])
  const [searchText, setSearchText] = useState('')
  const [isQuickOpen, setQuickOpen] = useState(false)
  const [isFiltersOpen, setFiltersOpen] = useState(false)
  const [cursorPath, setCursorPath] = useState<string | null>(null)
  const baseId = useId()
  const search = useFolderSearch(index?.search ?? null, searchText)
  const [isChangedOnly, setChangedOnly] = useState(false)
  const changedCount = gitBadges?.size ?? 0
  const visibleAll = useMemo(() => queryArticles(articles, filters, sort), [articles, filters, sort])
  const visible = useMemo(() => (isChangedOnly && gitBadges ? visibleAll.filter((a) => gitBadges.has(a.path)) : visibleAll), [visibleAll, isChangedOnly, gitBadges])
  // NOTE: counts need no order: filtered only (and not copied at all while no text is typed).
  const facets = useMemo(() => facetCounts(filterArticles(articles, { ...filters, tag: null, category: null, status: null, hasErrorsOnly: false })), [articles, filters])
  const hits = search.results?.hits ?? null
  const rows: readonly { path: string }[] = hits ?? visible
  const cursorIndex = indexOfPath(rows, cursorPath ?? activePath)
  const optionId = useCallback((i: number) => `${baseId}-option-${i}`, [baseId])
  const listRef = useRef<HTMLUListElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  // NOTE: the rule warns that the React Compiler cannot memoize what useVirtualizer returns. Folio's build does not run
  // the compiler (no babel-plugin-react-compiler), so nothing memoizes it; the warning was in every lint run's output.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => articleRowHeight,
    overscan: 8,
    observeElementRect: observeRect,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.length > 0 ? (items[items.length - 1]?.index ?? 0) + 1 : 0
  const selection = useListSelection()
  const { picked, clear: clearPicked } = selection
  const open = useCallback(
    (path: string, at?: TextRange) => {
      setCursorPath(path)
      clearPicked()
      onOpen(path, at)
    },
    [onOpen, clearPicked],
  )
  // NOTE: the row handler stays stable (rows are memoised); it reads the current rows and cursor through a ref.
  const pickContext = useRef({ rows, from: cursorPath ?? activePath })
  useEffect(() => {
    pickContext.current = { rows, from: cursorPath ?? activePath }
  })
  const pick = useCallback(
    (path: string, how: 'toggle' | 'range') => {
      setCursorPath(path)
      if (how === 'toggle') selection.toggle(path)
      else selection.extendTo(path, pickContext.current.rows, pickContext.current.from)
    },
    [selection],
  )
  // NOTE: scrolling to the last hits shown asks for the next page, so search results scroll on like the list does.
  const { canShowMore, showMore } = search
  const isAtEnd = hits !== null && last >= hits.length
  useEffect(() => {
    if (isAtEnd && canShowMore) showMore()
  }, [isAtEnd, canShowMore, showMore])
  useEffect(() => {
    onListState?.({ shown: visible, picked: picked.size === 0 ? [] : visible.filter((a) => picked.has(a.path)).map((a) => a.path) })
  }, [onListState, visible, picked])

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return
      if (!event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault()
        setQuickOpen(true)
      } else if (event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextIndex(event.key, cursorIndex, rows.length)
    if (next !== null) {
      event.preventDefault()
      setCursorPath(rows[next]?.path ?? null)
      // NOTE: scrolls by rows itself rather than virtualizer.scrollToIndex, which clamps to the measured scrollHeight.
      if (listRef.current) scrollRowIntoView(listRef.current, next, articleRowHeight)
    } else if (event.key === 'Enter' && cursorIndex >= 0) {
      event.preventDefault()
      open((rows[cursorIndex]).path, hits?.[cursorIndex]?.snippets[0]?.match)
    } else if (event.key === ' ' && cursorIndex >= 0) {
      event.preventDefault()
      selection.toggle((rows[cursorIndex]).path)
    } else if ((event.key === 'F2' || event.key === 'Delete') && cursorIndex >= 0 && onArticleAction) {
      event.preventDefault()
      onArticleAction({ kind: event.key === 'F2' ? 'rename' : 'delete', path: rows[cursorIndex].path })
    } else if (event.key === 'Escape' && picked.size > 0) {
      event.preventDefault()
      clearPicked()
    }
  }

  const toList = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowDown') return
    e.preventDefault()
    listRef.current?.focus()
  }

  return (
    <nav className="article-list" aria-label="Article browser">
      <div className="article-filter">
        <label htmlFor={`${baseId}-filter`}>Filter articles</label>
        <input id={`${baseId}-filter`} type="search" value={filters.text} placeholder="Filter by title or path" onChange={(e) => setFilters({ ...filters, text: e.target.value })} onKeyDown={toList} />
        <label htmlFor={`${baseId}-search`}>Search folder</label>
        <input id={`${baseId}-search`} ref={searchRef} type="search" value={searchText} placeholder="Words in bodies and front matter" onChange={(e) => setSearchText(e.target.value)} onKeyDown={toList} disabled={index === null} />
        <button type="button" className="filters-toggle" aria-expanded={isFiltersOpen} onClick={() => setFiltersOpen(!isFiltersOpen)}>
          Sort and filter{hasFacetFilter(filters) || sort !== 'path' ? ' (on)' : ''}
        </button>
        {(changedCount > 0 || isChangedOnly) && (
          <label className="changed-only">
            <input type="checkbox" checked={isChangedOnly} onChange={(e) => setChangedOnly(e.target.checked)} /> Changed only ({number.format(changedCount)})
          </label>
        )}
        {isFiltersOpen && <ArticleListFilters filters={filters} sort={sort} facets={facets} onFilters={setFilters} onSort={setSort} />}
      </div>
      <div className="article-list-status">
        <p role="status">
          {index?.progress ? `Indexing ${number.format(index.progress.done)} of ${number.format(index.progress.total)}` : ''}
          {index?.progress && ' · '}
          {hits !== null ? `${number.format(search.results?.total ?? 0)} matching articles${(search.results?.total ?? 0) > hits.length ? `, first ${number.format(hits.length)} shown` : ''}${search.results?.isComplete === false ? ' so far (still indexing)' : ''}` : `${number.format(visible.length)} of ${number.format(index?.listing?.total ?? articles.length)} articles${index?.listing ? ', still listing' : ''}${picked.size > 0 ? `, ${number.format(picked.size)} selected (Esc clears)` : ''}`}
        </p>
        {hits !== null && search.canShowMore && (
          <button type="button" className="show-more" onClick={showMore} disabled={search.isLoadingMore}>
            {search.isLoadingMore ? 'Loading more…' : 'Show more'}
          </button>
        )}
      </div>
      {search.error && <p className="banner banner-error">Search failed: {search.error.message}</p>}
      <ul
        ref={listRef}
        role="listbox"
        aria-label="Articles"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={cursorIndex >= first && cursorIndex < last ? optionId(cursorIndex) : undefined}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => {
          const option = event.target instanceof Element ? event.target.closest('[role=option]') : null
          const index = option ? Number(option.id.slice(option.id.lastIndexOf('-') + 1)) : -1
          const row = rows[index]
          if (!onArticleAction || row === undefined) return
          event.preventDefault()
          onArticleAction({ kind: 'menu', path: row.path, x: event.clientX, y: event.clientY })
        }}
      >
        {/* NOTE: spacers, not padding, stand for the rows not drawn: padding cannot shrink, so a padded list is as tall as all its rows. */}
        <li role="presentation" aria-hidden="true" className="list-spacer" style={{ height: items[0]?.start ?? 0 }} />
        {items.map(({ index: i }) => {
          const common = { id: optionId(i), position: i + 1, setSize: rows.length, isCursor: i === cursorIndex, onOpen: open }
          const hit = hits?.[i]
          if (hit !== undefined) return <ArticleSearchItem key={hit.path} {...common} hit={hit} isSelected={hit.path === activePath} />
          const article = visible[i]
          return <ArticleListItem key={article.path} {...common} article={article} isSelected={picked.size > 0 ? picked.has(article.path) : article.path === activePath} isActive={article.path === activePath} isDirty={dirtyPaths.has(article.path)} gitBadge={gitBadges?.get(article.path)} problems={article.path === activePath ? activeProblems : undefined} onPick={pick} />
        })}
        <li role="presentation" aria-hidden="true" className="list-spacer" style={{ height: Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)) }} />
      </ul>
      {rows.length === 0 && <p className="article-list-empty">{articles.length === 0 ? 'No articles in this folder.' : 'No articles match.'}</p>}
      {isQuickOpen && <QuickOpen articles={articles} onOpen={open} onClose={() => setQuickOpen(false)} />}
    </nav>
  )
}

function hasFacetFilter(f: ArticleFilters): boolean {
  return f.tag !== null || f.category !== null || f.status !== null || f.hasErrorsOnly
}

function indexOfPath(rows: readonly { path: string }[], path: string | null): number {
  return path === null ? -1 : rows.findIndex((a) => a.path === path)
}

function nextIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null
  if (key === 'ArrowDown') return Math.min(current + 1, count - 1)
  if (key === 'ArrowUp') return Math.max(current - 1, 0)
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return null
}
