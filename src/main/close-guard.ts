import type { BrowserWindow } from 'electron'
import type { FolderEvent } from '@shared/api'

/** Lets a guarded window close once the renderer agreed (see `close-requested` and confirmClose). */
export interface CloseGuard {
  allowClose(): void
}

/**
 * Holds a window's close (and so the app's quit) until the renderer has asked about unsaved work: the first close
 * is prevented and a `close-requested` event sent; `allowClose` then closes it for real. A renderer that crashed or
 * is still loading or hung (Electron's `unresponsive`) cannot answer, so its window closes at once; unsaved text is
 * then still in the journal and offered back on the next start.
 */
export function guardClose(window: BrowserWindow, emit: (event: FolderEvent) => void): CloseGuard {
  let isAllowed = false
  let isHung = false
  window.on('unresponsive', () => (isHung = true))
  window.on('responsive', () => (isHung = false))
  window.on('close', (event) => {
    if (isAllowed || isHung || window.webContents.isCrashed() || window.webContents.isLoading()) return
    event.preventDefault()
    emit({ kind: 'close-requested' })
  })
  return {
    allowClose: () => {
      isAllowed = true
      window.close()
    },
  }
}
