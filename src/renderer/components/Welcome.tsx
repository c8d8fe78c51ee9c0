import { useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { FolioError } from '@shared/result'
import { FolderChooser } from './FolderChooser'

/** Props of the welcome screen. */
export interface WelcomeProps {
  error: FolioError | null
  onOpenFolder: () => void
  /** The host, for the recent folders and (browser mode) the path field; absent: the button alone. */
  api?: FolioApi
  isBrowserMode?: boolean
}

/** Shown when no folder is open: what Folio is and an "Open folder" button (its failure message, if any). */
export function Welcome({ error, onOpenFolder, api, isBrowserMode = false }: WelcomeProps) {
  const [openError, setOpenError] = useState<FolioError | null>(null)
  const shown = openError ?? error
  return (
    <main className="welcome">
      <h1>Folio</h1>
      <p>Edit a folder of Markdown articles with front matter. Folio never changes a byte you did not change.</p>
      <button type="button" className="button-primary" onClick={onOpenFolder}>
        Open folder
      </button>
      {api && <FolderChooser api={api} isBrowserMode={isBrowserMode} onError={setOpenError} />}
      {shown && (
        <p role="alert" className="welcome-error">
          {shown.message}
        </p>
      )}
    </main>
  )
}
