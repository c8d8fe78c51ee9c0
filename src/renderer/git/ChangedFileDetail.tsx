import { useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { isArticleName } from '@shared/article-names'
import type { GitDiscarded, GitFileChange, GitFileDiff } from '@shared/git'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { LazyBoundary } from '../components/LazyBoundary'
import { LazyDiffView } from '../components/lazy-dialogs'
import { ArticleHistory } from './ArticleHistory'
import { ConflictMerge } from './ConflictMerge'

/** Props of one file's detail in the Changes region. */
export interface ChangedFileDetailProps {
  api: FolioApi
  path: string
  /** Its change against HEAD; null for an unchanged article (then only its history). */
  change: GitFileChange | null
  startWithHistory: boolean
  /** Puts `text` back into the editor as an unsaved edit of `path` (`isMissing`: the file is gone, e.g. in the trash). */
  onRestoreText: (path: string, text: string, isMissing?: boolean) => void
  onOpenArticle: (path: string) => void
  onChanged: () => void
}

/** A changed file: its diff against HEAD, Discard (asks; undo once), its history; a conflicted one: the merge. */
export function ChangedFileDetail({ api, path, change, startWithHistory, onRestoreText, onOpenArticle, onChanged }: ChangedFileDetailProps) {
  const [tab, setTab] = useState<'diff' | 'history'>(startWithHistory || change === null ? 'history' : 'diff')
  // NOTE: kept here, not in the diff: once discarded the file is unchanged, the status drops it and the diff goes.
  const [undo, setUndo] = useState<GitDiscarded | null>(null)
  const isArticle = isArticleName(path)
  if (change?.kind === 'conflicted') return <ConflictMerge api={api} path={path} onResolved={onChanged} />
  return (
    <div className="change-detail">
      <div className="change-detail-head">
        <h3>{path}</h3>
        {isArticle && change?.kind !== 'deleted' && undo?.isTrashed !== true && (
          <button type="button" className="button-quiet" onClick={() => onOpenArticle(path)}>
            Open
          </button>
        )}
        {isArticle && (
          <div role="tablist" aria-label="Show" className="change-tabs">
            {change !== null && (
              <button type="button" role="tab" aria-selected={tab === 'diff'} onClick={() => setTab('diff')}>
                Diff
              </button>
            )}
            <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
              History
            </button>
          </div>
        )}
      </div>
      {undo !== null && (
        <p className="change-actions" role="status">
          {undo.isTrashed === true ? `${path} was moved to the trash${undo.restoredPath === undefined ? '' : `; ${undo.restoredPath} is back`}.` : 'Changes discarded.'}{' '}
          {undo.text !== null && (
            <button type="button" onClick={() => (undo.text !== null && onRestoreText(path, undo.text, undo.isTrashed === true), setUndo(null))}>
              Undo discard
            </button>
          )}
        </p>
      )}
      {!isArticle && <p className="changes-note">Folio shows differences of articles only; stage or commit this file as it is.</p>}
      {isArticle && tab === 'diff' && change !== null && <ArticleDiff api={api} path={path} change={change} onDiscarded={(discarded) => (setUndo(discarded), onChanged())} />}
      {isArticle && tab === 'history' && <ArticleHistory api={api} path={path} onRestoreText={onRestoreText} />}
    </div>
  )
}

function ArticleDiff({ api, path, change, onDiscarded }: { api: FolioApi; path: string; change: GitFileChange; onDiscarded: (discarded: GitDiscarded) => void }) {
  const [diff, setDiff] = useState<GitFileDiff | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isAsking, setAsking] = useState(false)
  useEffect(() => {
    let isCurrent = true
    void api.gitDiff(path).then((result) => {
      if (!isCurrent) return
      if (result.ok) setDiff(result.value)
      else setError(result.error.message)
    })
    return () => {
      isCurrent = false
    }
  }, [api, path, change])
  const canDiscard = change.kind !== 'conflicted'
  const discard = async () => {
    setAsking(false)
    const result = await api.gitDiscard(path)
    if (!result.ok) return setError(result.error.message)
    onDiscarded(result.value)
  }
  return (
    <>
      <div className="change-actions">
        {canDiscard && (
          <button type="button" onClick={() => setAsking(true)}>
            Discard changes
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {diff && (
        <LazyBoundary what="the comparison">
          <LazyDiffView isCollapsed left={diff.head ?? ''} right={diff.working ?? ''} leftLabel={diff.head === null ? 'Not in the last commit' : 'Last commit (HEAD)'} rightLabel={diff.working === null ? 'Deleted' : 'Saved now'} />
        </LazyBoundary>
      )}
      {isAsking && (
        <ConfirmDialog
          title="Discard changes?"
          message={discardMessage(path, change)}
          choices={[{ label: 'Discard changes', onChoose: () => void discard(), isPrimary: true }]}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  )
}

/** What Discard will do to this file, in the words of the confirmation. */
function discardMessage(path: string, change: GitFileChange): string {
  const undo = 'You can undo this once (Undo discard), and the text is kept in the journal until then.'
  if (change.kind === 'untracked' || change.kind === 'added') return `${path} is not in the last commit: it goes to the system trash. ${undo}`
  if (change.kind === 'renamed' && change.oldPath !== undefined) return `${change.oldPath} comes back as in the last commit, and ${path} goes to the system trash. ${undo}`
  return `${path} goes back to the last commit. ${undo}`
}
