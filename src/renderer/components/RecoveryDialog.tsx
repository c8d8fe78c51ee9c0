import { useEffect, useSyncExternalStore } from 'react'
import type { RecoveryStore } from '../session/recovery-store'
import { LazyBoundary } from './LazyBoundary'
import { LazyDiffView } from './lazy-dialogs'

/** Props of the recovery dialog. `folderRoot` changes when another folder is opened, which lists its journal. */
export interface RecoveryDialogProps {
  recovery: RecoveryStore
  folderRoot: string
}

/**
 * After a crash or kill, offers the unsaved edits found in the journal, one article at a time: a diff of the file
 * on disk against the journaled text, with Restore (back into the editor, unsaved) and Discard.
 */
export function RecoveryDialog({ recovery, folderRoot }: RecoveryDialogProps) {
  const snapshot = useSyncExternalStore(recovery.subscribe, recovery.getSnapshot)
  useEffect(() => void recovery.load(), [recovery, folderRoot])
  const item = snapshot.items[0]
  if (item === undefined) return null
  const more = snapshot.items.length - 1
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="recovery-title" className="dialog dialog-recovery">
        <h2 id="recovery-title">Recover unsaved changes</h2>
        <p>
          Folio closed before <strong>{item.path}</strong> was saved. Your unsaved text from {new Date(item.updatedAt).toLocaleString()} was kept.
          {item.disk === null ? ' The file is no longer on disk; Restore brings the text back and Save writes the file again.' : ''}
          {more > 0 ? ` ${more} more article${more === 1 ? '' : 's'} after this one.` : ''}
        </p>
        {snapshot.error !== null && <p role="alert">{snapshot.error}</p>}
        <LazyBoundary what="the comparison">
          <LazyDiffView left={item.disk ?? ''} right={item.journaled} leftLabel="On disk" rightLabel="Unsaved (recovered)" />
        </LazyBoundary>
        <div className="dialog-actions">
          <button type="button" className="button-primary" onClick={() => void recovery.restore(item.path)}>
            Restore
          </button>
          <button type="button" onClick={() => void recovery.discard(item.path)}>
            Discard
          </button>
        </div>
      </div>
    </div>
  )
}
