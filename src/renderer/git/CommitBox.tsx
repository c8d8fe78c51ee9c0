import { useId, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { GitRepoStatus } from '@shared/git'

/** Props of the commit box. */
export interface CommitBoxProps {
  api: FolioApi
  status: GitRepoStatus
  onCommitted: () => void
}

/**
 * The "Commit message" textbox and the Commit button: commits the staged files, or every change when nothing is
 * staged. When Git has no identity yet it asks once for a name and email (stored in this repository only).
 */
export function CommitBox({ api, status, onCommitted }: CommitBoxProps) {
  const id = useId()
  const [message, setMessage] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const [needsIdentity, setNeedsIdentity] = useState(false)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const staged = status.files.filter((f) => f.isStaged).length
  const hasConflicts = status.files.some((f) => f.kind === 'conflicted')
  const canCommit = message.trim() !== '' && status.files.length > 0 && !hasConflicts && !isBusy

  const commit = async () => {
    setBusy(true)
    setNote(null)
    if (needsIdentity) {
      const saved = await api.gitSetIdentity({ name, email })
      if (!saved.ok) {
        setBusy(false)
        return setNote(saved.error.message)
      }
      setNeedsIdentity(false)
    }
    const result = await api.gitCommit({ message })
    setBusy(false)
    if (!result.ok) return setNote(result.error.message)
    if (result.value.kind === 'needs-identity') return setNeedsIdentity(true)
    setMessage('')
    setNote(`Committed ${result.value.commit} (${result.value.files} file${result.value.files === 1 ? '' : 's'}).`)
    onCommitted()
  }

  return (
    <form
      className="commit-box"
      onSubmit={(event) => {
        event.preventDefault()
        if (canCommit) void commit()
      }}
    >
      <label htmlFor={`${id}-message`}>Commit message</label>
      <textarea id={`${id}-message`} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} placeholder="What changed, and why" />
      {needsIdentity && (
        <fieldset className="identity-form">
          <legend>Who is committing? Git has no name and email yet; they are saved in this repository only.</legend>
          <label htmlFor={`${id}-name`}>Your name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <label htmlFor={`${id}-email`}>Your email</label>
          <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </fieldset>
      )}
      <p className="changes-hint">
        {status.files.length === 0 ? '' : hasConflicts ? 'Resolve the conflicts first.' : staged > 0 ? `Commits the ${staged} staged file${staged === 1 ? '' : 's'}.` : `Nothing staged: commits all ${status.files.length} change${status.files.length === 1 ? '' : 's'}.`}
      </p>
      <button type="submit" className="button-primary" disabled={!canCommit || (needsIdentity && (name.trim() === '' || email.trim() === ''))}>
        Commit
      </button>
      {note && (
        <p className="changes-note" role="status">
          {note}
        </p>
      )}
    </form>
  )
}
