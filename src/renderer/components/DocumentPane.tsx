import type { Workspace } from '../hooks/use-workspace'
import type { SessionSnapshot } from '../session/session-snapshot'
import { ConflictBanner } from './ConflictBanner'
import { EditorPane } from './EditorPane'
import { ErrorBanner } from './ErrorBanner'

/** The middle pane: banners (conflict, failure, read-only) above the editor. */
export function DocumentPane({ workspace, snapshot }: { workspace: Workspace; snapshot: SessionSnapshot }) {
  const { session, editor } = workspace
  return (
    <div className="document-pane">
      {snapshot.conflictPath !== null && (
        <ConflictBanner
          path={snapshot.conflictPath}
          onKeepMine={() => void session.keepMine()}
          onTakeTheirs={() => void session.takeTheirs()}
        />
      )}
      {snapshot.error && <ErrorBanner error={snapshot.error} onDismiss={() => session.dismissError()} />}
      {snapshot.activePath !== null && snapshot.missingPaths.has(snapshot.activePath) && (
        <p className="banner banner-missing" role="status">
          This file was deleted or moved outside Folio. Your text is still here; Save writes it back.
        </p>
      )}
      {snapshot.readOnlyReason !== null && (
        <p className="banner banner-readonly" role="note">
          Read-only: {snapshot.readOnlyReason}
        </p>
      )}
      <EditorPane editor={editor} hasDocument={snapshot.activePath !== null} />
    </div>
  )
}
