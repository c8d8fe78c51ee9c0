import { useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { EditorController } from '../editor/editor-controller'
import { EditingSession } from '../session/editing-session'

/** The editor controller and the session that drives it, created once per app. */
export interface Workspace {
  editor: EditorController
  session: EditingSession
}

/** Builds a workspace whose Mod-s saves through its session. */
export function createWorkspace(api: FolioApi): Workspace {
  let session: EditingSession | null = null
  const editor = new EditorController({ onSave: () => void session?.save() })
  session = new EditingSession(api, editor)
  return { editor, session }
}

/** Creates the workspace once and keeps the session subscribed to the editor while mounted. */
export function useWorkspace(api: FolioApi): Workspace {
  const [workspace] = useState(() => createWorkspace(api))
  useEffect(() => {
    workspace.session.start()
    return () => workspace.session.stop()
  }, [workspace])
  return workspace
}
