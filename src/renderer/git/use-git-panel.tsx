import { lazy, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { FolioApi } from '@shared/api'
import { isArticleName } from '@shared/article-names'
import { gitBadgeOf } from '@shared/git'
import type { LazyWorkspace } from '../hooks/use-workspace'
import { CodeLoadError } from '../components/lazy-dialogs'
import { LazyBoundary } from '../components/LazyBoundary'
import { GitBranch, GitControls } from './GitControls'
import { useGit, type GitModel } from './use-git'

// NOTE: the Changes region (and the merge code it brings) loads on first open, never with the first chunk.
const LazyChangesView = lazy(() =>
  import('./ChangesView').then(
    (m) => ({ default: m.ChangesView }),
    (error: unknown) => {
      throw new CodeLoadError(error instanceof Error ? error.message : String(error), { cause: error })
    },
  ),
)

/** What the workbench places: the toolbar's Git controls, the Changes region over the panes, the list's badges. */
export interface GitPanel {
  git: GitModel
  /** Changed articles → their letter (M, A, U, C, D, R), for the article list. */
  badges: ReadonlyMap<string, string>
  controls: ReactNode
  /** The status bar's branch with ahead/behind counts. */
  branch: ReactNode
  overlay: ReactNode
}

/**
 * Wires Git into the workbench: follows the status (see useGit), opens and closes the Changes region, and hands
 * restored text to the editing session as an unsaved edit.
 */
export function useGitPanel(api: FolioApi | undefined, workspace: LazyWorkspace, activePath: string | null, dirtyPaths: ReadonlySet<string>): GitPanel {
  const git = useGit(api)
  const [isOpen, setOpen] = useState(false)
  const [focus, setFocus] = useState<string | null>(null)
  const { load } = workspace
  const session = workspace.current?.workspace.session ?? null
  const { refresh } = git
  // NOTE: Folio's own saves raise no watcher event (their echo is dropped), so a save asks for the status itself.
  useEffect(() => session?.onSaved(() => refresh()), [session, refresh])
  const status = git.status
  const badges = useMemo(() => {
    const map = new Map<string, string>()
    if (status?.kind === 'repo') for (const file of status.files) if (isArticleName(file.path)) map.set(file.path, gitBadgeOf(file.kind))
    return map
  }, [status])
  const onRestoreText = useCallback(
    (path: string, text: string, isMissing = false) => {
      setOpen(false)
      void load().then((ws) => ws?.session.restoreVersion(path, text, isMissing))
    },
    [load],
  )
  const onOpenArticle = useCallback(
    (path: string) => {
      setOpen(false)
      void load().then((ws) => ws?.session.open(path))
    },
    [load],
  )
  const onSaveAll = useCallback(() => void load().then((ws) => ws?.session.saveAll()), [load])
  const isRepo = status?.kind === 'repo'
  const controls =
    api === undefined ? null : (
      <>
        <GitControls
          git={git}
          isChangesOpen={isOpen}
          onToggleChanges={() => {
            setFocus(null)
            if (!isOpen) refresh()
            setOpen(!isOpen)
          }}
        />
        {isRepo && activePath !== null && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setFocus(activePath)
              setOpen(true)
            }}
          >
            History
          </button>
        )}
      </>
    )
  const overlay =
    api === undefined || !isOpen ? null : (
      <LazyBoundary what="the Changes view">
        <LazyChangesView api={api} git={git} dirtyPaths={dirtyPaths} onSaveAll={onSaveAll} onRestoreText={onRestoreText} onOpenArticle={onOpenArticle} focus={focus} onClose={() => setOpen(false)} />
      </LazyBoundary>
    )
  const branch = api === undefined ? null : <GitBranch git={git} />
  return { git, badges, controls, branch, overlay }
}
