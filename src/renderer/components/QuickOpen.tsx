import { useCallback } from 'react'
import type { ArticleSummary } from '@shared/api'
import { quickOpenMatches } from '../article-query'
import { PickerDialog } from './PickerDialog'

/** Props of the quick-open dialog. */
export interface QuickOpenProps {
  articles: readonly ArticleSummary[]
  onOpen: (path: string) => void
  onClose: () => void
}

/** Ctrl/Cmd+P: type part of a title or path (fuzzy), Up/Down to choose, Enter to open, Escape to close. */
export function QuickOpen({ articles, onOpen, onClose }: QuickOpenProps) {
  const match = useCallback((text: string) => quickOpenMatches(articles, text), [articles])
  return (
    <PickerDialog
      label="Quick open"
      inputLabel="Go to article"
      placeholder="Go to article by title or path"
      listLabel="Matching articles"
      match={match}
      keyOf={(a) => a.path}
      nameOf={(a) => a.title ?? a.path}
      render={(a) => (
        <>
          <span className="item-title">{a.title ?? a.path}</span>
          <span className="item-path">{a.path}</span>
        </>
      )}
      onChoose={(a) => onOpen(a.path)}
      onClose={onClose}
    />
  )
}
