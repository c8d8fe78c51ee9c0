import { useEffect, useRef } from 'react'

/** One button of the dialog; the first is focused when it opens. */
export interface ConfirmChoice {
  label: string
  onChoose: () => void
  isPrimary?: boolean
}

/** Props of the confirm dialog. Escape chooses `onCancel`. */
export interface ConfirmDialogProps {
  title: string
  message: string
  choices: readonly ConfirmChoice[]
  onCancel: () => void
}

/** A modal question in the page (role alertdialog), in place of window.confirm, which Electron and tests cannot drive. */
export function ConfirmDialog({ title, message, choices, onCancel }: ConfirmDialogProps) {
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel()
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-message">{message}</p>
        <div className="dialog-actions">
          {choices.map((choice, i) => (
            <button key={choice.label} ref={i === 0 ? first : undefined} type="button" className={choice.isPrimary ? 'button-primary' : undefined} onClick={choice.onChoose}>
              {choice.label}
            </button>
          ))}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
