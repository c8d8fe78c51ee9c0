import type { BrowserWindow } from 'electron'
import { eventChannel, type FolderEvent } from '@shared/api'

/** Returns a listener that sends folder events to the window while it lives. */
export function forwardEventsTo(window: BrowserWindow): (event: FolderEvent) => void {
  return (event) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, event)
  }
}
