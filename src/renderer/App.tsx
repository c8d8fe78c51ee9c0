import { useCallback, useMemo } from 'react'
import type { FolderEvent, FolioApi } from '@shared/api'
import type { EarlyStart } from './early-folder'
import { useDocumentTitle } from './hooks/use-document-title'
import { useFolder } from './hooks/use-folder'
import { useSaveShortcut } from './hooks/use-save-shortcut'
import { useSession } from './hooks/use-session'
import { useUnsavedGuard } from './hooks/use-unsaved-guard'
import { useWorkspace } from './hooks/use-workspace'
import { ArticleIndexContext } from './components/article-index-context'
import { Welcome } from './components/Welcome'
import { Workbench } from './components/Workbench'
import './app.css'

/** Props of the app. `isBrowserMode` enables browser-only behaviour (the leave-page guard). */
export interface AppProps {
  api: FolioApi
  isBrowserMode?: boolean
  /** What the page had or asked for before React rendered (see startEarly): the first screen shows it at once. */
  early?: EarlyStart
}

/**
 * The whole UI for one host API: the welcome screen until a folder is open, then the workbench. The editing
 * workspace loads lazily (see useWorkspace); until it exists nothing is open, so nothing can be unsaved.
 */
export function App({ api, isBrowserMode = false, early }: AppProps) {
  const workspace = useWorkspace(api)
  const session = workspace.current?.workspace.session ?? null
  const onFolderEvent = useCallback(
    (event: FolderEvent) => {
      if (session) session.handleFolderEvent(event)
      // NOTE: without a session no article is open: the window may close at once (what the session would answer).
      else if (event.kind === 'close-requested') void api.confirmClose()
    },
    [session, api],
  )
  const [folderState, actions] = useFolder(api, onFolderEvent, early)
  const snapshot = useSession(session)

  const title = titleOf(snapshot.frontMatter?.data.title, snapshot.activePath)
  useDocumentTitle(title, snapshot.isDirty, snapshot.activePath)
  useSaveShortcut(useCallback(() => void session?.save(), [session]))
  useUnsavedGuard(snapshot.dirtyPaths.size > 0, isBrowserMode)
  const indexContext = useMemo(
    () => ({ progress: folderState.progress, listing: folderState.listing, search: (query: string, limit?: number) => api.searchArticles(query, limit) }),
    [folderState.progress, folderState.listing, api],
  )

  if (folderState.status === 'loading') return <p className="app-loading">Loading…</p>
  if (folderState.status === 'none' || folderState.folder === null) {
    return <Welcome error={folderState.error} onOpenFolder={() => void actions.openFolder()} api={api} isBrowserMode={isBrowserMode} />
  }
  return (
    <ArticleIndexContext.Provider value={indexContext}>
      <Workbench
        folder={folderState.folder}
        articles={folderState.articles}
        listError={folderState.error}
        isListComplete={folderState.isListed && folderState.progress === null}
        workspace={workspace}
        api={api}
      />
    </ArticleIndexContext.Provider>
  )
}

function titleOf(title: unknown, path: string | null): string | null {
  if (typeof title === 'string' && title.trim() !== '') return title
  return path
}
