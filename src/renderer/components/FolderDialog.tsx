import { useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { FolioError } from '@shared/result'
import { FolderChooser } from './FolderChooser'

/** Props of the folder dialog. */
export interface FolderDialogProps {
  api: FolioApi
  isBrowserMode: boolean
  /** Articles with unsaved edits: another folder is not opened over them. */
  unsavedCount: number
  onClose: () => void
}

/**
 * Open Folder while a folder is open (Ctrl/Cmd+O in the browser, the toolbar, the palette): the recent folders and,
 * in browser mode, the path field with completion; the desktop app adds its system folder dialog.
 */
export function FolderDialog({ api, isBrowserMode, unsavedCount, onClose }: FolderDialogProps) {
  const [error, setError] = useState<FolioError | null>(null)
  const chooseWithSystem = async () => {
    const result = await api.openFolder()
    if (!result.ok) setError(result.error)
    else if (result.value !== null) onClose()
  }
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="folder-dialog-title" className="dialog folder-dialog" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="folder-dialog-title">Open folder</h2>
        {unsavedCount > 0 ? (
          <p role="alert">
            {unsavedCount} {unsavedCount === 1 ? 'article has' : 'articles have'} unsaved changes. Save or revert them before opening another folder.
          </p>
        ) : (
          <>
            {!isBrowserMode && (
              <button type="button" className="button-primary" onClick={() => void chooseWithSystem()} autoFocus>
                Choose a folder…
              </button>
            )}
            <FolderChooser api={api} isBrowserMode={isBrowserMode} onError={setError} onOpened={onClose} />
            {error && (
              <p role="alert" className="welcome-error">
                {error.message}
              </p>
            )}
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
