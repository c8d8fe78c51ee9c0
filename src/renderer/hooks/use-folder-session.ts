import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { readFolderState, type FolderState } from '@shared/user-state'
import type { ArticleSort } from '../article-query'
import type { ListView } from '../components/ArticleList'
import type { Workspace } from '../workspace'

/** The pause after the last change before the folder's state is saved, in milliseconds. */
export const folderStateSaveDelayMs = 300

/** What the workbench tells the folder session: live values read when the state is saved. */
export interface FolderSessionSources {
  workspace: () => Workspace | null
  isOutlineOpen: () => boolean
  listView: () => ListView | null
  layouts: () => Record<string, Record<string, number>>
}

/** What the workbench gets back: the restored view parts, and `touch` to say something worth saving changed. */
export interface FolderSession {
  /** The list's order and filters as saved (null until loaded, or when none were saved). */
  listView: ListView | null
  /** The saved state once loaded (null until then): layouts and the outline are applied from it. */
  restored: FolderState | null
  touch: () => void
}

const sorts: readonly string[] = ['path', 'title', 'date-desc', 'date-asc', 'lastmod-desc']

function listViewOf(state: FolderState): ListView | null {
  if (state.sort === null && state.filters === null) return null
  const sort = (state.sort !== null && sorts.includes(state.sort) ? state.sort : 'path') as ArticleSort
  const filters = state.filters ?? { text: '', tag: null, category: null, status: null, hasErrorsOnly: false }
  const status = filters.status === 'published' || filters.status === 'draft' || filters.status === 'future' || filters.status === 'expired' ? filters.status : null
  return { sort, filters: { ...filters, status } }
}

/** Opens the saved tabs (those still readable), then the active one, and puts each caret back. */
async function restoreTabs(api: FolioApi, workspace: Workspace, state: FolderState): Promise<void> {
  const { session, editor } = workspace
  for (const path of state.openPaths) {
    // NOTE: a file deleted since is skipped quietly rather than shown as an open error.
    const read = await api.readArticle(path)
    if (!read.ok) continue
    await session.open(path)
    const at = state.cursors[path]
    if (at !== undefined) editor.setCaret(path, at)
  }
  const active = state.activePath
  if (active !== null && session.getSnapshot().openPaths.includes(active)) {
    await session.open(active)
    const at = state.cursors[active]
    if (at !== undefined) editor.setCaret(active, at)
  }
}

/**
 * Session restore per folder: loads the folder's saved state (host: getFolderState, kept in the user's state folder,
 * never in the content folder), reopens its tabs with their carets, gives back the list view, layouts and outline,
 * and saves the state again a moment after any of them changes. Nothing is saved before the restore has finished,
 * so an empty start never overwrites what was saved.
 */
export function useFolderSession(api: FolioApi | undefined, folderRoot: string, load: () => Promise<Workspace | null>, sources: FolderSessionSources): FolderSession {
  const [restored, setRestored] = useState<{ root: string; state: FolderState } | null>(null)
  const isRestoring = useRef(true)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const sourcesRef = useRef(sources)
  useEffect(() => {
    sourcesRef.current = sources
  })
  useEffect(() => {
    if (!api) return undefined
    let isCurrent = true
    isRestoring.current = true
    void api.getFolderState().then(async (result) => {
      if (!isCurrent) return
      const state = result.ok ? readFolderState(result.value) : null
      if (state !== null) {
        setRestored({ root: folderRoot, state })
        if (state.openPaths.length > 0) {
          const workspace = await load()
          if (workspace && isCurrent) await restoreTabs(api, workspace, state)
        }
      }
      if (isCurrent) isRestoring.current = false
    })
    return () => {
      isCurrent = false
      // NOTE: the host already looks at the next folder: a save still pending would land there, so it is dropped.
      clearTimeout(timer.current)
    }
  }, [api, folderRoot, load])
  const save = useCallback(() => {
    if (!api || isRestoring.current) return
    const now = sourcesRef.current
    const workspace = now.workspace()
    const snapshot = workspace?.session.getSnapshot()
    const cursors: Record<string, number> = {}
    for (const path of snapshot?.openPaths ?? []) {
      const at = workspace?.editor.stateOf(path)?.selection.main.head
      if (at !== undefined) cursors[path] = at
    }
    const view = now.listView()
    void api.saveFolderState({
      openPaths: [...(snapshot?.openPaths ?? [])],
      activePath: snapshot?.activePath ?? null,
      cursors,
      layouts: now.layouts(),
      sort: view?.sort ?? null,
      filters: view?.filters ?? null,
      isOutlineOpen: now.isOutlineOpen(),
    })
  }, [api])
  const touch = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(save, folderStateSaveDelayMs)
  }, [save])
  useEffect(() => {
    const flush = () => {
      if (timer.current === undefined) return
      clearTimeout(timer.current)
      save()
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [save])
  const state = restored?.root === folderRoot ? restored.state : null
  const listView = useMemo(() => (state === null ? null : listViewOf(state)), [state])
  return { restored: state, listView, touch }
}
