import type { FolioApi } from '@shared/api'
import { EditorController } from './editor/editor-controller'
import { EditingSession } from './session/editing-session'

/** The editor controller and the session that drives it, created once per app. */
export interface Workspace {
  editor: EditorController
  session: EditingSession
}

/**
 * Builds a workspace whose Mod-s saves through its session. NOTE: this module pulls in CodeMirror and the
 * front-matter engine, so the shell only reaches it through `import()` (see useWorkspace).
 */
export function createWorkspace(api: FolioApi): Workspace {
  let session: EditingSession | null = null
  const editor = new EditorController({ onSave: () => void session?.save() })
  session = new EditingSession(api, editor)
  return { editor, session }
}
