import { useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { isArticleName } from '@shared/article-names'
import type { GitFileChange, GitFileDiff } from '@shared/git'
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
  onRestoreText: (path: string, text: string) => void
  onOpenArticle: (path: string) => void
  onChanged: () => void
}

/** A changed file: its diff against HEAD, Discard (asks; undo once), its history; a conflicted one: the merge. */
export function ChangedFileDetail({ api, path, change, startWithHistory, onRestoreText, onOpenArticle, onChanged }: ChangedFileDetailProps) {
  const [tab, setTab] = useState<'diff' | 'history'>(startWithHistory || change === null ? 'history' : 'diff')
  // NOTE: kept here, not in the diff: once discarded the file is unchanged, the status drops it and the diff goes.
  const [undo, setUndo] = useState<string | null>(null)
  const isArticle = isArticleName(path)
  if (change?.kind === 'conflicted') return <ConflictMerge api={api} path={path} onResolved={onChanged} />
  return (
    <div className="change-detail">
      <div className="change-detail-head">
        <h3>{path}</h3>
        {isArticle && change?.kind !== 'deleted' && (
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
          Changes discarded.{' '}
          <button type="button" onClick={() => (onRestoreText(path, undo), setUndo(null))}>
            Undo discard
          </button>
        </p>
      )}
      {!isArticle && <p className="changes-note">Folio shows differences of articles only; stage or commit this file as it is.</p>}
      {isArticle && tab === 'diff' && change !== null && <ArticleDiff api={api} path={path} change={change} onDiscarded={(text) => (setUndo(text), onChanged())} />}
      {isArticle && tab === 'history' && <ArticleHistory api={api} path={path} onRestoreText={onRestoreText} />}
    </div>
  )
}

function ArticleDiff({ api, path, change, onDiscarded }: { api: FolioApi; path: string; change: GitFileChange; onDiscarded: (text: string | null) => void }) {
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
  const canDiscard = change.kind === 'modified' || change.kind === 'deleted'
  const discard = async () => {
    setAsking(false)
    const result = await api.gitDiscard(path)
    if (!result.ok) return setError(result.error.message)
    onDiscarded(result.value.text)
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
          message={`${path} goes back to the last commit. You can undo this once (Undo discard), and the text is kept in the journal until then.`}
          choices={[{ label: 'Discard changes', onChoose: () => void discard(), isPrimary: true }]}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  )
}
