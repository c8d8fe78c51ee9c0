import { useEffect, useId, useState } from 'react'
import type { FolioApi, RecentFolder } from '@shared/api'
import type { FolioError } from '@shared/result'

/** Props of the folder chooser. */
export interface FolderChooserProps {
  api: Pick<FolioApi, 'listRecentFolders' | 'openFolderAt' | 'forgetRecentFolder' | 'completeFolderPath'>
  /** Browser mode shows a path field with completion from the host; the desktop app uses its folder dialog. */
  isBrowserMode: boolean
  /** Told when opening failed, so the caller shows why. */
  onError: (error: FolioError) => void
  /** Told when a folder was opened (the folder chooser dialog closes then). */
  onOpened?: () => void
}

/**
 * The recent folders (missing ones greyed and removable) and, in browser mode, a path field whose suggestions the
 * host completes. Opening goes through the host, which switches folders without a restart.
 */
export function FolderChooser({ api, isBrowserMode, onError, onOpened }: FolderChooserProps) {
  const [recent, setRecent] = useState<RecentFolder[]>([])
  const [typed, setTyped] = useState('')
  const [completions, setCompletions] = useState<string[]>([])
  const listId = useId()

  useEffect(() => {
    let isCurrent = true
    void api.listRecentFolders().then((result) => isCurrent && result.ok && setRecent(result.value))
    return () => {
      isCurrent = false
    }
  }, [api])

  useEffect(() => {
    if (!isBrowserMode || typed === '') return
    let isCurrent = true
    void api.completeFolderPath(typed).then((result) => isCurrent && setCompletions(result.ok ? result.value : []))
    return () => {
      isCurrent = false
    }
  }, [api, isBrowserMode, typed])

  const open = async (dir: string): Promise<void> => {
    const result = await api.openFolderAt(dir)
    if (!result.ok) onError(result.error)
    else onOpened?.()
  }
  const forget = async (dir: string): Promise<void> => {
    await api.forgetRecentFolder(dir)
    setRecent((list) => list.filter((folder) => folder.path !== dir))
  }

  return (
    <div className="folder-chooser">
      {isBrowserMode && (
        <form
          className="folder-path-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (typed.trim() !== '') void open(typed.trim())
          }}
        >
          <label>
            Folder path
            <input type="text" value={typed} list={listId} spellCheck={false} autoComplete="off" placeholder="/home/you/site" onChange={(event) => setTyped(event.target.value)} />
          </label>
          <datalist id={listId}>
            {completions.map((path) => (
              <option key={path} value={path} />
            ))}
          </datalist>
          <button type="submit" className="button-primary">
            Open
          </button>
        </form>
      )}
      {recent.length > 0 && (
        <nav aria-label="Recent folders">
          <h2>Recent folders</h2>
          <ul className="recent-folders">
            {recent.map((folder) => (
              <li key={folder.path} className={folder.isMissing ? 'recent-folder is-missing' : 'recent-folder'}>
                <button type="button" className="button-quiet" disabled={folder.isMissing} title={folder.isMissing ? `${folder.path} (missing)` : folder.path} onClick={() => void open(folder.path)}>
                  {folder.name} <span className="recent-folder-path">{folder.path}</span>
                </button>
                <button type="button" className="button-quiet" aria-label={`Remove ${folder.name} from recent folders`} onClick={() => void forget(folder.path)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  )
}
