import { useState } from 'react'
import type { Workspace } from '../workspace'
import type { SessionSnapshot } from '../session/session-snapshot'
import type { AutosaveMode } from '../session/autosave'
import { ConfirmDialog } from './ConfirmDialog'
import { ConflictBanner } from './ConflictBanner'
import { EditorPane } from './EditorPane'
import { ErrorBanner } from './ErrorBanner'
import { RecoveryDialog } from './RecoveryDialog'
import { TabBar } from './TabBar'

/** Props of the document pane; `folderRoot` keys the crash-recovery offer. */
export interface DocumentPaneProps {
  workspace: Workspace
  snapshot: SessionSnapshot
  folderRoot: string
  /** Changes the user's autosave setting (the tab strip's choice). */
  onAutosave?: (mode: AutosaveMode) => void
  /** True while "Revert?" is asked (Revert button or the command); `onAskRevert(false)` closes the question. */
  isRevertAsked?: boolean
  onAskRevert?: (isAsked: boolean) => void
  /** Opens the article menu for a tab (Rename, Move, Duplicate, Delete); no tab menu when absent. */
  onTabMenu?: (path: string, event: React.MouseEvent<HTMLElement>) => void
}

/** The middle pane: tabs, banners (conflict, failure, missing, renamed, read-only) above the editor. */
export function DocumentPane({ workspace, snapshot, folderRoot, onAutosave, isRevertAsked = false, onAskRevert, onTabMenu }: DocumentPaneProps) {
  const { session, editor } = workspace
  const active = snapshot.activePath
  const renamedFrom = active === null ? undefined : snapshot.renamedPaths.get(active)
  const [askWritable, setAskWritable] = useState<string | null>(null)
  return (
    <div className="document-pane">
      <TabBar session={session} editor={editor} snapshot={snapshot} onAutosave={onAutosave} onRevert={onAskRevert && (() => onAskRevert(true))} onTabMenu={onTabMenu} />
      {snapshot.conflictPath !== null && (
        <ConflictBanner
          path={snapshot.conflictPath}
          detail={snapshot.conflict}
          mineText={() => (snapshot.conflictPath === null ? '' : (editor.textOf(snapshot.conflictPath) ?? ''))}
          onKeepMine={() => void session.keepMine()}
          onTakeTheirs={() => void session.takeTheirs()}
          onMerge={() => session.mergeConflict()}
        />
      )}
      {snapshot.error && <ErrorBanner error={snapshot.error} onDismiss={() => session.dismissError()} onRetry={() => void session.retry()} />}
      {active !== null && snapshot.missingPaths.has(active) && (
        <p className="banner banner-missing" role="status">
          This file was deleted or moved outside Folio. Your text is still here; Save writes it back.
        </p>
      )}
      {renamedFrom !== undefined && (
        <p className="banner banner-missing" role="status">
          This file was renamed outside Folio from <strong>{renamedFrom}</strong>; Save writes to the new name.
        </p>
      )}
      {snapshot.readOnlyReason !== null && (
        <p className="banner banner-readonly" role="note">
          Read-only: {snapshot.readOnlyReason}
          {snapshot.canMakeWritable && active !== null && (
            <>
              {' '}
              <button type="button" onClick={() => setAskWritable(active)}>
                Make writable…
              </button>
            </>
          )}
        </p>
      )}
      {askWritable !== null && (
        <ConfirmDialog
          title="Make this file writable?"
          message={`"${askWritable}" is read-only on disk. To save your edits, Folio will change its permissions so that it can be written.`}
          choices={[
            {
              label: 'Make writable',
              isPrimary: true,
              onChoose: () => {
                session.allowWriting(askWritable)
                setAskWritable(null)
              },
            },
            { label: 'Keep read-only', onChoose: () => setAskWritable(null) },
          ]}
          onCancel={() => setAskWritable(null)}
        />
      )}
      <EditorPane editor={editor} hasDocument={active !== null} />
      {isRevertAsked && active !== null && snapshot.dirtyPaths.has(active) && onAskRevert && (
        <ConfirmDialog
          title="Revert to the saved file?"
          message={`Your unsaved changes to "${active}" will be replaced by the file as it is on disk. Undo (Ctrl/Cmd+Z) brings them back.`}
          choices={[
            { label: 'Keep editing', isPrimary: true, onChoose: () => onAskRevert(false) },
            { label: 'Revert', onChoose: () => (onAskRevert(false), void session.revert(active)) },
          ]}
          onCancel={() => onAskRevert(false)}
        />
      )}
      <RecoveryDialog recovery={session.recovery} folderRoot={folderRoot} />
      {snapshot.isCloseRequested && (
        <ConfirmDialog
          title="Unsaved changes"
          message={`${snapshot.dirtyPaths.size} article${snapshot.dirtyPaths.size === 1 ? ' has' : 's have'} unsaved changes. ${snapshot.isOpeningFolder ? 'Save before opening the other folder?' : 'Save before closing?'}`}
          choices={
            snapshot.isOpeningFolder
              ? [
                  { label: 'Save all and open', isPrimary: true, onChoose: () => void session.saveAllAndClose() },
                  { label: 'Open without saving', onChoose: () => void session.discardAndClose() },
                ]
              : [
                  { label: 'Save all and close', isPrimary: true, onChoose: () => void session.saveAllAndClose() },
                  { label: 'Close without saving', onChoose: () => void session.discardAndClose() },
                ]
          }
          onCancel={() => session.cancelClose()}
        />
      )}
    </div>
  )
}
