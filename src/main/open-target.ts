import path from 'node:path'
import type { FolderInfo } from '@shared/api'
import type { Result } from '@shared/result'
import { folderForArticle } from '../core/host/article-folder'
import type { LaunchTarget } from './launch-target'

/** What opening a launch target needs from the app. */
export interface OpenTargetDeps {
  /** The open folder's real root, or null. */
  currentRoot(): string | null
  recentRoots(): Promise<string[]>
  /** Switches to the folder (the host's open; the previous folder stays open on failure). */
  openFolder(dir: string): Promise<Result<FolderInfo>>
  /** Opens an article of the open folder in the window (now, or once the page has loaded). */
  showArticle(relPath: string): void
  /** Runs `action` once the renderer has dealt with unsaved work (the quit guard); at once (awaited) without a window. */
  afterUnsavedCheck(action: () => Promise<void>): Promise<void>
  showError(title: string, message: string): void
}

function sameFolder(a: string | null, b: string): boolean {
  return a !== null && path.relative(a, b) === ''
}

async function switchTo(dir: string, deps: OpenTargetDeps, then?: () => void): Promise<void> {
  const opened = await deps.openFolder(dir)
  if (!opened.ok) return deps.showError('Folio could not open the folder', opened.error.message)
  then?.()
}

/**
 * Opens what a launch named: a folder (switching folders only after the unsaved-changes check, and not at all when
 * it is already open) or an article (its folder, see folderForArticle, then the article in the window). Failures
 * are shown in a dialog naming the path; the open folder then stays.
 */
export async function openLaunchTarget(target: LaunchTarget, deps: OpenTargetDeps): Promise<void> {
  if (target.kind === 'folder') {
    if (sameFolder(deps.currentRoot(), target.path)) return
    return deps.afterUnsavedCheck(() => switchTo(target.path, deps))
  }
  const found = await folderForArticle(target.path, await deps.recentRoots())
  if (!found.ok) return deps.showError('Folio could not open the article', found.error.message)
  const { root, article } = found.value
  if (sameFolder(deps.currentRoot(), root)) return deps.showArticle(article)
  return deps.afterUnsavedCheck(() => switchTo(root, deps, () => deps.showArticle(article)))
}
