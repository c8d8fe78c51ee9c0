import { createContext } from 'react'
import type { FolioApi } from '@shared/api'

/** What the article list needs from the host besides its props: indexing progress and folder search. */
export interface ArticleIndexContextValue {
  /** Null once every article is indexed. */
  progress: { done: number; total: number } | null
  /** While the list pages in: rows in hand of the index's count (see FolderState.listing); null or absent once all are in. */
  listing?: { done: number; total: number } | null
  search: FolioApi['searchArticles']
}

/** Provided by the app; the list works without it (no progress line, no folder search). */
export const ArticleIndexContext = createContext<ArticleIndexContextValue | null>(null)
