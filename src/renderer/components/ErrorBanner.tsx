import type { SessionError } from '../session/session-snapshot'

const verbs: Record<SessionError['action'], string> = {
  open: 'open',
  save: 'save',
  reload: 'reload',
  edit: 'change the front matter of',
  merge: 'merge',
}

/** A failure to open or save, naming the file and the cause; the text in the editor is untouched. Retry for saves. */
export function ErrorBanner({ error, onDismiss, onRetry }: { error: SessionError; onDismiss: () => void; onRetry?: () => void }) {
  const position = error.line !== undefined ? ` (line ${error.line}${error.column !== undefined ? `:${error.column}` : ''})` : ''
  return (
    <div role="alert" className="banner banner-error">
      <p>
        Could not {verbs[error.action]} <strong>{error.path ?? 'the file'}</strong>: {withoutFinalStop(error.message)}
        {position}.{error.action === 'save' ? ' Your text is still here; you can try again.' : ''}
      </p>
      <div className="banner-actions">
        {error.action === 'save' && onRetry && error.code !== 'READ_ONLY' && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  )
}

/** The message without its final full stop, so the sentence around it ends with exactly one. */
function withoutFinalStop(message: string): string {
  return message.endsWith('.') ? message.slice(0, -1) : message
}
