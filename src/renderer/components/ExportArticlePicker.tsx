import { useId } from 'react'
import type { ArticleSummary } from '@shared/api'
import { filterArticles } from '../article-filter'

/** Props of the export dialog's article picker. */
export interface ExportArticlePickerProps {
  articles: readonly ArticleSummary[]
  query: string
  onQuery: (query: string) => void
  selected: ReadonlySet<string>
  onSelected: (selected: ReadonlySet<string>) => void
  /** Show tick boxes (scope "selected") or just the filtered list. */
  isPicking: boolean
}

/** How many matching articles the picker draws at most (the count above it covers all of them). */
const maxDrawn = 500

/**
 * The filter box and the articles it matches (the first 500 drawn), with tick boxes when the writer picks articles
 * one by one; ticked ones are drawn first so they stay in reach.
 */
export function ExportArticlePicker({ articles, query, onQuery, selected, onSelected, isPicking }: ExportArticlePickerProps) {
  const id = useId()
  const matching = filterArticles(articles, query)
  const visible = isPicking ? [...matching.filter((a) => selected.has(a.path)), ...matching.filter((a) => !selected.has(a.path))].slice(0, maxDrawn) : matching.slice(0, maxDrawn)
  const toggle = (path: string, isOn: boolean): void => {
    const next = new Set(selected)
    if (isOn) next.add(path)
    else next.delete(path)
    onSelected(next)
  }
  return (
    <div className="export-picker">
      <label htmlFor={`${id}-filter`}>Filter by title or path</label>
      <input id={`${id}-filter`} type="search" value={query} onChange={(e) => onQuery(e.target.value)} />
      <span className="export-count">
        {isPicking ? `${selected.size} selected` : `${matching.length} of ${articles.length} articles`}
      </span>
      <ul className="export-articles" aria-label="Articles to export">
        {visible.map((article) => (
          <li key={article.path}>
            {isPicking ? (
              <label>
                <input type="checkbox" checked={selected.has(article.path)} onChange={(e) => toggle(article.path, e.target.checked)} />
                {article.title ?? article.path} <span className="export-path">{article.path}</span>
              </label>
            ) : (
              <span>
                {article.title ?? article.path} <span className="export-path">{article.path}</span>
              </span>
            )}
          </li>
        ))}
        {matching.length > visible.length && <li className="export-more">…and {matching.length - visible.length} more (narrow the filter to see them)</li>}
      </ul>
    </div>
  )
}
