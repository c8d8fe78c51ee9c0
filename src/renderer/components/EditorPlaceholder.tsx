import type { FolioError } from '@shared/result'

/** Props of the editor placeholder. */
export interface EditorPlaceholderProps {
  /** An article was asked for and the editing code is still downloading. */
  isLoading: boolean
  /** Why the editing code could not be loaded, or null. */
  error: FolioError | null
  onRetry: () => void
}

/** Stands in the editor pane until the editing code has loaded: a hint, a loading status, or the failure with Retry. */
export function EditorPlaceholder({ isLoading, error, onRetry }: EditorPlaceholderProps) {
  if (error !== null) {
    return (
      <div className="document-pane">
        <div className="banner banner-error" role="alert">
          <p>{error.message}</p>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      </div>
    )
  }
  return (
    <div className="document-pane">
      {isLoading ? (
        <p className="editor-empty" role="status">
          Loading the editor…
        </p>
      ) : (
        <p className="editor-empty">Select an article to start writing.</p>
      )}
    </div>
  )
}
