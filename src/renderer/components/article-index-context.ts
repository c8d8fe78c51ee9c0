import { createContext } from 'react'
import type { FolioApi } from '@shared/api'

/** What the article list needs from the host besides its props: indexing progress and folder search. */
export interface ArticleIndexContextValue {
  /** Null once every article is indexed. */
  progress: { done: number; total: number } | null
  search: FolioApi['searchArticles']
}

/** Provided by the app; the list works without it (no progress line, no folder search). */
export const ArticleIndexContext = createContext<ArticleIndexContextValue | null>(null)
