import type { ReactNode } from 'react'
import type { FolderInfo } from '@shared/api'
import type { SessionSnapshot } from '../session/session-snapshot'

/** Props of the toolbar. */
export interface ToolbarProps {
  folder: FolderInfo
  snapshot: SessionSnapshot
  isWrapping: boolean
  onToggleWrapping: () => void
  onSave: () => void
  /** Opens the Export dialog; no Export button when absent. */
  onExport?: () => void
  /** The Git controls (branch, Changes, Sync), when the host has Git. */
  git?: ReactNode
  /** Opens the New article dialog; no button when absent. */
  onNewArticle?: () => void
  /** The authoring buttons (Insert image…, Article menu, Terms), after New article. */
  articleActions?: ReactNode
  /** Opens the folder dialog (recent folders, browser mode's path field); no button when absent. */
  onOpenFolder?: () => void
}

/** The top bar: folder name, the active document's save state, the wrapping toggle and the Save button. */
export function Toolbar({ folder, snapshot, isWrapping, onToggleWrapping, onSave, onExport, git, onNewArticle, articleActions, onOpenFolder }: ToolbarProps) {
  const canSave = snapshot.activePath !== null && snapshot.readOnlyReason === null && snapshot.status !== 'saving'
  return (
    <header className="toolbar">
      <h1 className="toolbar-folder" title={folder.root}>
        {folder.name}
      </h1>
      {onOpenFolder && (
        <button type="button" className="button-quiet" onClick={onOpenFolder} aria-haspopup="dialog" title="Open another folder or a recent one">
          Open Folder…
        </button>
      )}
      <span className="toolbar-path">{snapshot.activePath ?? ''}</span>
      {/* NOTE: a polite live region, not a second role=status: the status bar is the one status region. */}
      <span className="toolbar-state" aria-live="polite" aria-atomic="true">
        {stateText(snapshot)}
      </span>
      {git}
      {onNewArticle && (
        <button type="button" className="button-quiet" onClick={onNewArticle} aria-haspopup="dialog" aria-keyshortcuts="Control+N Meta+N">
          New article
        </button>
      )}
      {articleActions}
      <button type="button" className="button-quiet" aria-pressed={isWrapping} onClick={onToggleWrapping}>
        Wrap lines
      </button>
      {onExport && (
        <button type="button" className="button-quiet" onClick={onExport} aria-haspopup="dialog">
          Export…
        </button>
      )}
      <button type="button" className="button-primary" onClick={onSave} disabled={!canSave} aria-keyshortcuts="Control+S Meta+S">
        Save
      </button>
    </header>
  )
}

function stateText(snapshot: SessionSnapshot): string {
  if (snapshot.activePath === null) return ''
  if (snapshot.status === 'saving') return 'Saving…'
  if (snapshot.status === 'opening') return 'Opening…'
  if (snapshot.readOnlyReason !== null) return 'Read-only'
  return snapshot.isDirty ? 'Unsaved changes' : 'Saved'
}
