import { useEffect, useRef } from 'react'
import type { FolioApi } from '@shared/api'
import { commandById } from '@shared/commands'
import { authoringRequestFor } from '../components/authoring/authoring-commands'
import { takeOpenRequest } from '../open-requests'

/** What the menu's commands reach in the workbench. */
export interface MenuCommandTargets {
  /** The palette's runner (useComfort's `run`): one runner for menu and palette. */
  run: (id: string) => void
  /** Opens an article of the open folder (the list's open). */
  openArticle: (path: string) => void
}

/**
 * Desktop: runs the application menu's renderer commands (`{ kind: 'command', id }` folder events) through the same
 * runner as the command palette, and opens articles the system asked for (`open-article`, also one that came
 * before the workbench was mounted).
 */
export function useMenuCommands(api: FolioApi | undefined, targets: MenuCommandTargets): void {
  const latest = useRef(targets)
  useEffect(() => {
    latest.current = targets
  })
  useEffect(() => {
    if (!api) return undefined
    const waiting = takeOpenRequest()
    if (waiting !== null) latest.current.openArticle(waiting)
    return api.onFolderEvent((event) => {
      if (event.kind === 'open-article') {
        takeOpenRequest()
        latest.current.openArticle(event.path)
        return
      }
      if (event.kind !== 'command' || commandById(event.id)?.runner !== 'renderer') return
      // NOTE: the authoring layer follows command events itself (its dialogs); running them here too would ask twice.
      if (authoringRequestFor(event.id, 'any.md') !== null) return
      latest.current.run(event.id)
    })
  }, [api])
}

/**
 * File > Reveal in File Manager (menu and palette): shows the active article in Finder/Explorer through the host,
 * which confines the path to the open folder. True when the command was this one (handled, even with no article).
 */
export function revealActiveArticle(api: FolioApi | undefined, id: string, activePath: string | null, onError?: (message: string) => void): boolean {
  if (id !== 'article.reveal') return false
  if (api && activePath !== null) {
    void api.revealArticle(activePath).then((revealed) => {
      if (!revealed.ok) onError?.(revealed.error.message)
    })
  }
  return true
}
