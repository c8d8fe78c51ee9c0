import { useEffect, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { DeletePlan } from '@shared/authoring/plans'
import { PlanFooter } from './PlanDiff'

/** Props of the delete dialog; `onTrashed` closes the article's tab. */
export interface DeleteDialogProps {
  api: FolioApi
  path: string
  onTrashed: (path: string) => void
  onClose: () => void
}

/** Move to Trash: lists the links that will break and the files that go, then sends them to the system trash. */
export function DeleteDialog({ api, path, onTrashed, onClose }: DeleteDialogProps) {
  const [plan, setPlan] = useState<DeletePlan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    cancelRef.current?.focus()
    void api.planDelete(path).then((r) => (r.ok ? setPlan(r.value) : setError(r.error.message)))
  }, [api, path])
  const trash = async (): Promise<void> => {
    const done = await api.trashArticle(path)
    if (!done.ok) return setError(done.error.message)
    onTrashed(path)
  }
  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="delete-title" className="dialog authoring-dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="delete-title">Move {path} to the trash?</h2>
        {plan !== null && (
          <>
            <p className="authoring-note">
              {plan.files.length} file(s) go to the system trash (you can restore them from there).{' '}
              {plan.inbound.length === 0 ? 'No article links to it.' : `${plan.inbound.length} link(s) to it will break:`}
            </p>
            {plan.inbound.length > 0 && (
              <ul className="authoring-files" aria-label="Links that will break">
                {plan.inbound.map((l) => (
                  <li key={`${l.path}:${l.line}:${l.value}`}>
                    {l.path}:{l.line} — {l.value}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <PlanFooter error={error} action="Move to Trash" onAction={() => void trash()} actionDisabled={plan === null} cancel="Cancel" onCancel={onClose} cancelRef={cancelRef} />
      </div>
    </div>
  )
}
