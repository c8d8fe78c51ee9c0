import type { GitModel } from './use-git'
// NOTE: the toolbar's Git controls are on the first screen; their rules lived only in the lazy Changes view's chunk, so
// until that view was opened the controls had no flex row and at 900 px "Changes" and "Sync" stacked in the toolbar.
import './git.css'

/** Props of the toolbar's Git controls. */
export interface GitControlsProps {
  git: GitModel
  isChangesOpen: boolean
  onToggleChanges: () => void
}

const phaseText = { fetch: 'fetching', integrate: 'bringing in changes', push: 'pushing' } as const

/**
 * The toolbar's Git part: the Changes toggle and Sync (with its progress and Cancel while it runs). Nothing but
 * Changes when the folder is not a repository. The branch is in the status bar (GitBranch).
 */
export function GitControls({ git, isChangesOpen, onToggleChanges }: GitControlsProps) {
  const status = git.status
  const repo = status?.kind === 'repo' ? status : null
  const changed = repo?.files.length ?? 0
  const isRunning = git.sync.kind === 'running'
  return (
    <div className="git-controls">
      <button type="button" className="button-quiet" aria-expanded={isChangesOpen} onClick={onToggleChanges} disabled={status === null}>
        Changes{changed > 0 ? ` (${changed})` : ''}
      </button>
      {repo && (
        <button type="button" className="button-quiet" onClick={git.startSync} disabled={isRunning || repo.operation !== 'none'} title="Fetch, bring in the remote's commits, push yours">
          Sync
        </button>
      )}
      {git.sync.kind === 'running' && (
        <span className="git-progress" aria-live="polite">
          Syncing{git.sync.phase ? `: ${phaseText[git.sync.phase]}` : ''}
          {git.sync.percent !== null ? ` ${git.sync.percent}%` : ''}…{' '}
          <button type="button" className="button-quiet" onClick={git.cancelSync}>
            Cancel
          </button>
        </span>
      )}
    </div>
  )
}

/** The status bar's Git part: the branch, with commits to push (↑) and to pull (↓); nothing outside a repository. */
export function GitBranch({ git }: { git: GitModel }) {
  const repo = git.status?.kind === 'repo' ? git.status : null
  if (!repo) return null
  return (
    <span className="git-branch" title={repo.upstream ? `${repo.branch ?? 'detached HEAD'}: ${repo.ahead} to push, ${repo.behind} to pull (${repo.upstream})` : 'No upstream branch yet'}>
      <span aria-hidden="true">⎇ </span>
      {repo.branch ?? 'detached'}
      {repo.upstream && (
        <span className="git-counts" aria-label={`${repo.ahead} ahead, ${repo.behind} behind`}>
          {' '}↑{repo.ahead} ↓{repo.behind}
        </span>
      )}
    </span>
  )
}
