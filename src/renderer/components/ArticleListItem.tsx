import { memo } from 'react'
import type { ArticleSummary } from '@shared/api'
import { rowName, summaryBadges } from '@shared/list-row'
import { listDateText } from '../list-date'

/** Props of one row of the article list. */
export interface ArticleListItemProps {
  id: string
  /** 1-based position in the filtered list, and its length (rows are windowed). */
  position: number
  setSize: number
  article: ArticleSummary
  isSelected: boolean
  /** The article open in the editor (marked even while other rows are picked). */
  isActive?: boolean
  isCursor: boolean
  isDirty: boolean
  /** Problems found while the article is edited (validation as you type); none for the other rows. */
  problems?: readonly string[]
  onOpen: (path: string) => void
  /** Ctrl/Cmd+click picks or unpicks the row, Shift+click picks a range (see useListSelection). */
  onPick?: (path: string, how: 'toggle' | 'range') => void
  /** Git: how the article differs from the last commit (M, A, U, C, D, R); none when unchanged. */
  gitBadge?: string
}

const gitBadgeTitles: Record<string, string> = { M: 'modified', A: 'added', U: 'untracked', C: 'conflicted', D: 'deleted', R: 'renamed' }

/**
 * One `option` of the article list, named by the title (the path when there is none). Date, draft, error and
 * unsaved state are its description (the summary's badges come from @shared/list-row, which the served first screen
 * writes too). Memoised: a row re-renders only when its own props change.
 */
export const ArticleListItem = memo(function ArticleListItem(props: ArticleListItemProps) {
  const { id, position, setSize, article, isSelected, isActive = false, isCursor, isDirty, problems, onOpen, onPick, gitBadge } = props
  const name = rowName(article)
  const classes = ['article-item', isSelected && 'is-selected', isActive && 'is-active', isCursor && 'is-cursor'].filter(Boolean).join(' ')
  return (
    <li
      id={id}
      role="option"
      aria-selected={isSelected}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={name}
      aria-describedby={`${id}-meta`}
      className={classes}
      onClick={(event) => {
        if (onPick && (event.ctrlKey || event.metaKey)) onPick(article.path, 'toggle')
        else if (onPick && event.shiftKey) onPick(article.path, 'range')
        else onOpen(article.path)
      }}
    >
      <span className="item-title">
        {isDirty && (
          <span className="dirty-marker" aria-hidden="true">
            •{' '}
          </span>
        )}
        {name}
      </span>
      <span className="item-meta" id={`${id}-meta`}>
        {article.title !== null && <span className="item-path">{article.path}</span>}
        {article.date !== null && (
          <span className="item-date" title={article.date}>
            {listDateText(article.date)}
          </span>
        )}
        {gitBadge !== undefined && (
          <span className="item-badge item-badge-git" title={`Git: ${gitBadgeTitles[gitBadge] ?? 'changed'} since the last commit`}>
            {gitBadge}
          </span>
        )}
        {summaryBadges(article).map((badge) => (
          <span key={badge.kind} className={`item-badge item-badge-${badge.kind}`} title={badge.title}>
            {badge.text}
          </span>
        ))}
        {problems !== undefined && problems.length > 0 && (
          <span className="item-badge item-badge-warning" title={problems.join('\n')}>
            {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
          </span>
        )}
        {isDirty && <span className="visually-hidden">Unsaved changes</span>}
      </span>
    </li>
  )
})
