import { useEffect } from 'react'
import type { FolioApi } from '@shared/api'
import { useDocumentTitle } from './hooks/use-document-title'
import { useFolder } from './hooks/use-folder'
import { useSession } from './hooks/use-session'
import { useWorkspace } from './hooks/use-workspace'
import { Welcome } from './components/Welcome'
import { Workbench } from './components/Workbench'
import './app.css'

/** The whole UI for one host API: the welcome screen until a folder is open, then the workbench. */
export function App({ api }: { api: FolioApi }) {
  const workspace = useWorkspace(api)
  const { session } = workspace
  const [folderState, actions] = useFolder(api, session.handleFolderEvent)
  const snapshot = useSession(session)
  const { refreshArticles } = actions
  useEffect(() => session.onSaved(() => void refreshArticles()), [session, refreshArticles])

  const title = titleOf(snapshot.frontMatter?.data.title, snapshot.activePath)
  useDocumentTitle(title, snapshot.isDirty)

  if (folderState.status === 'loading') return <p className="app-loading">Loading…</p>
  if (folderState.status === 'none' || folderState.folder === null) {
    return <Welcome error={folderState.error} onOpenFolder={() => void actions.openFolder()} />
  }
  return <Workbench folder={folderState.folder} articles={folderState.articles} workspace={workspace} />
}

function titleOf(title: unknown, path: string | null): string | null {
  if (typeof title === 'string' && title.trim() !== '') return title
  return path
}
