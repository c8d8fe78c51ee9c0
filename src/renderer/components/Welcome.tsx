import type { FolioError } from '@shared/result'

/** Props of the welcome screen. */
export interface WelcomeProps {
  error: FolioError | null
  onOpenFolder: () => void
}

/** Shown when no folder is open: what Folio is and an "Open folder" button (its failure message, if any). */
export function Welcome({ error, onOpenFolder }: WelcomeProps) {
  return (
    <main className="welcome">
      <h1>Folio</h1>
      <p>Edit a folder of Markdown articles with front matter. Folio never changes a byte you did not change.</p>
      <button type="button" className="button-primary" onClick={onOpenFolder}>
        Open folder
      </button>
      {error && (
        <p role="alert" className="welcome-error">
          {error.message}
        </p>
      )}
    </main>
  )
}
