/** Props of the conflict banner. */
export interface ConflictBannerProps {
  path: string
  onKeepMine: () => void
  onTakeTheirs: () => void
}

/** Shown when the open file changed on disk while it had unsaved edits (or a save was refused as a conflict). */
export function ConflictBanner({ path, onKeepMine, onTakeTheirs }: ConflictBannerProps) {
  return (
    <div role="alert" className="banner banner-conflict">
      <p>
        <strong>{path}</strong> changed on disk since you opened it. Nothing was written.
      </p>
      <div className="banner-actions">
        <button type="button" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
    </div>
  )
}
