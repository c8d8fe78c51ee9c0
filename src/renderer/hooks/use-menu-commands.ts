import { useEffect, useRef } from 'react'
import type { FolioApi } from '@shared/api'
import { commandById } from '@shared/commands'
import { takeOpenRequest } from '../open-requests'

// NOTE: the authoring layer answers these menu commands itself (its dialogs need the request state it owns).
const answeredByAuthoring = new Set(['article.new', 'article.rename', 'article.move', 'article.delete'])

/** What the menu's commands reach in the workbench. */
export interface MenuCommandTargets {
  /** The palette's runner (useComfort's `run`): one runner for menu and palette. */
  run: (id: string) => void
  /** Opens an article of the open folder (the list's open). */
  openArticle: (path: string) => void
  activePath: string | null
  /** Told when revealing the active article failed. */
  onError?: (message: string) => void
}

/**
 * Desktop: runs the application menu's renderer commands (`{ kind: 'command', id }` folder events) through the same
 * runner as the command palette, reveals the active article for File > Reveal in File Manager, and opens articles
 * the system asked for (`open-article`, also one that came before the workbench was mounted).
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
      const { run, openArticle, activePath, onError } = latest.current
      if (event.kind === 'open-article') {
        takeOpenRequest()
        openArticle(event.path)
        return
      }
      if (event.kind !== 'command' || commandById(event.id)?.runner !== 'renderer' || answeredByAuthoring.has(event.id)) return
      if (event.id !== 'article.reveal') return run(event.id)
      if (activePath === null) return
      void api.revealArticle(activePath).then((revealed) => {
        if (!revealed.ok) onError?.(revealed.error.message)
      })
    })
  }, [api])
}
