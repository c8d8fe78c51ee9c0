import type { App, BrowserWindow } from 'electron'
import type { FolderEvent } from '@shared/api'

/** What runs once the renderer has dealt with unsaved work: closing the window, quitting, or opening something else. */
export type GuardedAction = { kind: 'close' } | { kind: 'quit' } | { kind: 'open'; run: () => void }

/** The unsaved-changes guard of the one window, for every way its work can be left. */
export interface QuitGuard {
  /** Asks the renderer about unsaved work (a `close-requested` event), then runs `action` once it agrees. */
  request(action: GuardedAction): void
  /** The renderer agreed (confirmClose): runs the waiting action (closing the window when none waits). */
  confirm(): void
}

/**
 * Holds the window's close, the app's quit (Cmd+Q, the menu, `before-quit`) and opening another folder (a second
 * launch, Open Recent) until the renderer has asked about unsaved work: a `close-requested` event is sent, and
 * `confirm` (the renderer's confirmClose) carries the action out. A renderer that crashed, is still loading or hangs
 * cannot answer, so its window closes at once; a session ending (Windows log-off or shutdown) cannot wait either.
 * Unsaved text is then still in the journal and offered back on the next start.
 */
export function guardQuit(window: BrowserWindow, app: Pick<App, 'on' | 'quit'>, emit: (event: FolderEvent) => void): QuitGuard {
  let isAllowed = false
  let isHung = false
  let isQuitting = false
  let pending: GuardedAction | null = null
  const mayLeaveAtOnce = (): boolean => isAllowed || isHung || window.webContents.isCrashed() || window.webContents.isLoading()
  const ask = (action: GuardedAction): void => {
    pending = action
    // NOTE: the renderer's question names what happens: opening another folder is not closing the window.
    emit(action.kind === 'open' ? { kind: 'close-requested', reason: 'open-folder' } : { kind: 'close-requested' })
  }
  window.on('unresponsive', () => (isHung = true))
  window.on('responsive', () => (isHung = false))
  // NOTE: before-quit comes first, then Electron closes each window; a prevented close cancels the quit, so the close
  // handler remembers that it was a quit and quits again once the renderer agreed.
  app.on('before-quit', () => (isQuitting = true))
  window.on('close', (event) => {
    if (mayLeaveAtOnce()) return
    event.preventDefault()
    ask(isQuitting ? { kind: 'quit' } : { kind: 'close' })
    isQuitting = false
  })
  // NOTE: Windows: once 'session-end' fires the session ends whatever Folio does, so the window closes without asking.
  window.on('session-end', () => {
    isAllowed = true
    app.quit()
  })
  return {
    request(action) {
      if (action.kind === 'open' && mayLeaveAtOnce()) return action.run()
      if (action.kind === 'open') return ask(action)
      if (action.kind === 'quit') app.quit()
      else window.close()
    },
    confirm() {
      const action = pending ?? { kind: 'close' }
      pending = null
      if (action.kind === 'open') return action.run()
      isAllowed = true
      if (action.kind === 'quit') app.quit()
      else window.close()
    },
  }
}
