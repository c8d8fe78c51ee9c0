import { useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { GitCommitInfo, GitFileAtCommit } from '@shared/git'
import { LazyBoundary } from '../components/LazyBoundary'
import { LazyDiffView } from '../components/lazy-dialogs'

/** Props of an article's history. */
export interface ArticleHistoryProps {
  api: FolioApi
  path: string
  onRestoreText: (path: string, text: string) => void
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The commits that touched an article (date, author, message); each shows its diff and can be restored into the editor. */
export function ArticleHistory({ api, path, onRestoreText }: ArticleHistoryProps) {
  const [commits, setCommits] = useState<GitCommitInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [picked, setPicked] = useState<GitCommitInfo | null>(null)
  const [loaded, setLoaded] = useState<{ commit: string; version: GitFileAtCommit } | null>(null)
  useEffect(() => {
    let isCurrent = true
    void api.gitHistory(path).then((result) => {
      if (!isCurrent) return
      if (result.ok) setCommits(result.value)
      else setError(result.error.message)
    })
    return () => {
      isCurrent = false
    }
  }, [api, path])
  useEffect(() => {
    if (picked === null) return undefined
    let isCurrent = true
    void api.gitFileAtCommit(picked.commit, picked.path).then((result) => {
      if (!isCurrent) return
      if (result.ok) setLoaded({ commit: picked.commit, version: result.value })
      else setError(result.error.message)
    })
    return () => {
      isCurrent = false
    }
  }, [api, picked])
  const version = loaded !== null && loaded.commit === picked?.commit ? loaded.version : null
  if (error) return <p role="alert">{error}</p>
  if (commits === null) return <p className="changes-note">Reading the history…</p>
  if (commits.length === 0) return <p className="changes-note">No commits touch this article yet.</p>
  return (
    <div className="history">
      <ul className="history-list" aria-label={`History of ${path}`}>
        {commits.map((c) => (
          <li key={c.commit}>
            <button type="button" aria-current={picked?.commit === c.commit} onClick={() => setPicked(c)}>
              <span className="history-subject">{c.subject}</span>
              <span className="history-meta">
                {c.author} · {dateFormat.format(new Date(c.date))} · {c.commit.slice(0, 7)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {picked && version && (
        <div className="history-version">
          <div className="change-actions">
            <button type="button" disabled={version.text === null} onClick={() => version.text !== null && onRestoreText(path, version.text)}>
              Restore this version
            </button>
            <span className="changes-hint">It opens as an unsaved edit; save to keep it.</span>
          </div>
          <LazyBoundary what="the comparison">
            <LazyDiffView isCollapsed left={version.parentText ?? ''} right={version.text ?? ''} leftLabel="Before this commit" rightLabel={`After ${picked.commit.slice(0, 7)}`} />
          </LazyBoundary>
        </div>
      )}
    </div>
  )
}
