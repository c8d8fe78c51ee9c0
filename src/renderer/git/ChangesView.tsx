import { useState } from 'react'
import type { FolioApi } from '@shared/api'
import { isArticleName } from '@shared/article-names'
import { gitBadgeOf, type GitFileChange, type GitRepoStatus } from '@shared/git'
import type { GitModel } from './use-git'
import { ChangedFileDetail } from './ChangedFileDetail'
import { CommitBox } from './CommitBox'
import './git.css'

/** Props of the Changes region. */
export interface ChangesViewProps {
  api: FolioApi
  git: GitModel
  /** Open articles with unsaved edits (never committed until saved). */
  dirtyPaths: ReadonlySet<string>
  onSaveAll: () => void
  /** Puts a text into the editor as an unsaved edit of `path` (restore a version, undo a discard). */
  onRestoreText: (path: string, text: string, isMissing?: boolean) => void
  onOpenArticle: (path: string) => void
  /** An article to show first, in its history (the toolbar's History). */
  focus: string | null
  onClose: () => void
}

/**
 * The region named "Changes": files that differ from HEAD with per-file diff, stage/unstage, discard and history;
 * the commit box; a stopped rebase or merge with its conflicts; or, outside a repository, the offer to create one.
 */
export function ChangesView({ api, git, dirtyPaths, onSaveAll, onRestoreText, onOpenArticle, focus, onClose }: ChangesViewProps) {
  const status = git.status
  return (
    <section className="changes-view" aria-label="Changes" role="region">
      <header className="changes-header">
        <h2>Changes</h2>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </header>
      {git.error && (
        <div role="alert" className="banner banner-error">
          <p>{git.error.message}</p>
          <button type="button" onClick={git.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {status === null && <p className="changes-note">Reading the repository…</p>}
      {status?.kind === 'no-git' && <p className="changes-note">{status.message}</p>}
      {status?.kind === 'not-repo' && <NotRepo api={api} onDone={git.refresh} />}
      {status?.kind === 'repo' && (
        <RepoChanges key={focus ?? ''} api={api} git={git} status={status} dirtyPaths={dirtyPaths} onSaveAll={onSaveAll} onRestoreText={onRestoreText} onOpenArticle={onOpenArticle} focus={focus} />
      )}
    </section>
  )
}

function NotRepo({ api, onDone }: { api: FolioApi; onDone: () => void }) {
  const [message, setMessage] = useState<string | null>(null)
  return (
    <div className="changes-note">
      <p>This folder is not in a Git repository. Folio can create one here (git init); nothing else changes.</p>
      <button type="button" onClick={() => void api.gitInit().then((r) => (r.ok ? onDone() : setMessage(r.error.message)))}>
        Create a repository
      </button>
      {message && <p role="alert">{message}</p>}
    </div>
  )
}

interface RepoChangesProps extends Omit<ChangesViewProps, 'onClose' | 'git'> {
  git: GitModel
  status: GitRepoStatus
}

function RepoChanges({ api, git, status, dirtyPaths, onSaveAll, onRestoreText, onOpenArticle, focus }: RepoChangesProps) {
  // NOTE: remounted (key) when the focus changes, so the initial selection is all it needs.
  const [selected, setSelected] = useState<string | null>(focus ?? status.files[0]?.path ?? null)
  const conflicted = status.files.filter((f) => f.kind === 'conflicted')
  const dirty = [...dirtyPaths]
  const selectedChange = status.files.find((f) => f.path === selected) ?? null
  const stage = (file: GitFileChange) => {
    const paths = file.oldPath === undefined ? [file.path] : [file.path, file.oldPath]
    void api.gitStage(paths, !file.isStaged).then(git.refresh)
  }
  return (
    <div className="changes-body">
      <div className="changes-side">
        {status.operation !== 'none' && (
          <div role="alert" className="banner banner-conflict">
            <p>
              The {status.operation} stopped on {conflicted.length === 1 ? 'a conflict' : `${conflicted.length} conflicts`}. Open each conflicted article, merge it and
              mark it resolved; then continue. Abort puts your branch back as it was before Sync.
            </p>
            <div className="banner-actions">
              <button type="button" onClick={git.continueSync} disabled={conflicted.length > 0 || git.sync.kind === 'running'}>
                Continue
              </button>
              <button type="button" onClick={git.abortSync} disabled={git.sync.kind === 'running'}>
                Abort {status.operation}
              </button>
            </div>
          </div>
        )}
        {git.lastSync?.kind === 'synced' && (
          <p className="changes-note" role="status">
            Synced: {git.lastSync.pulled} commit(s) in, {git.lastSync.pushed} out.
          </p>
        )}
        {git.lastSync?.kind === 'cancelled' && <p className="changes-note">Sync was cancelled.</p>}
        {dirty.length > 0 && (
          <div className="banner banner-unsaved">
            <p>Unsaved edits are not committed: {dirty.join(', ')}.</p>
            <button type="button" onClick={onSaveAll}>
              Save all
            </button>
          </div>
        )}
        {status.files.length === 0 ? (
          <p className="changes-note">No changes since the last commit.</p>
        ) : (
          <ul className="changes-list" aria-label="Changed files">
            {status.files.map((file) => (
              <li key={file.path} className={file.path === selected ? 'is-selected' : undefined}>
                <input type="checkbox" aria-label={`Stage ${file.path}`} checked={file.isStaged} disabled={file.kind === 'conflicted'} onChange={() => stage(file)} />
                <button type="button" className="change-file" aria-current={file.path === selected} onClick={() => setSelected(file.path)} title={file.oldPath ? `${file.oldPath} → ${file.path}` : file.path}>
                  <span className={`git-badge git-badge-${file.kind}`} aria-label={file.kind}>
                    {gitBadgeOf(file.kind)}
                  </span>{' '}
                  {file.path}
                </button>
              </li>
            ))}
          </ul>
        )}
        <CommitBox api={api} status={status} onCommitted={git.refresh} />
      </div>
      <div className="changes-detail">
        {selected !== null && (selectedChange !== null || isArticleName(selected)) ? (
          <ChangedFileDetail key={selected} api={api} path={selected} change={selectedChange} startWithHistory={selected === focus && selectedChange === null} onRestoreText={onRestoreText} onOpenArticle={onOpenArticle} onChanged={git.refresh} />
        ) : (
          <p className="changes-note">Pick a file to see what changed.</p>
        )}
      </div>
    </div>
  )
}
