import { useState } from 'react'
import type { ConflictDetail } from '../session/conflict-detail'
import { LazyBoundary } from './LazyBoundary'
import { LazyDiffView } from './lazy-dialogs'

/** Props of the conflict banner. `detail` is null until the disk side has been read. */
export interface ConflictBannerProps {
  path: string
  detail: ConflictDetail | null
  /** The editor's current text of `path` (for Compare). */
  mineText: () => string
  onKeepMine: () => void
  onTakeTheirs: () => void
  onMerge: () => void
}

/**
 * Shown when the open file changed on disk while it had unsaved edits (or a save was refused as a conflict):
 * Compare (disk vs mine), Keep mine, Take theirs, and Merge when both changes touch different lines.
 */
export function ConflictBanner({ path, detail, mineText, onKeepMine, onTakeTheirs, onMerge }: ConflictBannerProps) {
  const [isComparing, setComparing] = useState(false)
  const current = detail?.path === path ? detail : null
  return (
    <div role="alert" className="banner banner-conflict">
      <p>
        <strong>{path}</strong> changed on disk since you opened it. Nothing was written.
      </p>
      <div className="banner-actions">
        <button type="button" onClick={() => setComparing(!isComparing)} disabled={current === null} aria-expanded={isComparing}>
          Compare
        </button>
        {current?.isMergeable && (
          <button type="button" onClick={onMerge} title="Keep both changes: they touch different lines">
            Merge
          </button>
        )}
        <button type="button" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
      {isComparing && current !== null && (
        <div className="banner-diff" aria-label="Changes on disk compared with yours">
          <LazyBoundary what="the comparison">
            <LazyDiffView left={current.theirs} right={mineText()} leftLabel="On disk" rightLabel="Yours (unsaved)" />
          </LazyBoundary>
        </div>
      )}
    </div>
  )
}
