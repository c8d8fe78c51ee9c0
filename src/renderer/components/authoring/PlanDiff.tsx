import type { PlannedFile } from '@shared/authoring/plans'

/** Every planned file change: the list of files, then each unified diff with added and removed lines marked. */
export function PlanDiff({ files }: { files: readonly PlannedFile[] }) {
  return (
    <>
      <ul className="authoring-files" aria-label="Files that change">
        {files.map((f) => (
          <li key={f.path}>{f.newPath === f.path ? f.path : `${f.path} → ${f.newPath}`}{f.diff === '' ? ' (moved, text unchanged)' : ''}</li>
        ))}
      </ul>
      <pre className="authoring-diff" aria-label="Changes">
        {files
          .filter((f) => f.diff !== '')
          .flatMap((f) => f.diff.split('\n').filter((line) => !line.startsWith('====') && !line.startsWith('\\')))
          .map((line, i) => (
            <span key={i} className={line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@') ? 'diff-head' : line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : undefined}>
              {line === '' ? ' ' : line}
            </span>
          ))}
      </pre>
    </>
  )
}

/** Props of the plan dialogs' footer: the error of planning or applying, the action button and the way back. */
export interface PlanFooterProps {
  error: string | null
  action: string
  /** When absent the action button submits the dialog's form. */
  onAction?: () => void
  actionDisabled: boolean
  cancel: string
  onCancel: () => void
  cancelRef?: React.RefObject<HTMLButtonElement | null>
}

/** The footer every plan dialog ends with (Rename/Move, Delete, Rename term): the error as an alert, then the buttons. */
export function PlanFooter({ error, action, onAction, actionDisabled, cancel, onCancel, cancelRef }: PlanFooterProps) {
  return (
    <>
      {error !== null && (
        <p role="alert" className="authoring-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type={onAction === undefined ? 'submit' : 'button'} className="button-primary" disabled={actionDisabled} onClick={onAction}>
          {action}
        </button>
        <button ref={cancelRef} type="button" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </>
  )
}
