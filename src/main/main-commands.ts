import type { BrowserWindow } from 'electron'
import { commandById } from '@shared/commands'

/** What the main process's own commands act on. */
export interface MainCommandTarget {
  window: BrowserWindow | null
  /** Sends a renderer command to the window (a `{ kind: 'command', id }` folder event). */
  sendToRenderer: (id: string) => void
  openFolder: () => void
  showAbout: () => void
}

// NOTE: Chromium's zoom levels: each step scales by 1.2; the bounds keep the text readable and the layout whole.
const zoomStep = 0.5
const minZoom = -3
const maxZoom = 5

/**
 * Runs a command of the table from the menu: renderer commands go to the window (the same runner as the palette),
 * main commands (open folder, zoom, full screen, reload, developer tools, About) run here. False for an unknown id.
 */
export function runMenuCommand(id: string, target: MainCommandTarget): boolean {
  const command = commandById(id)
  if (command === undefined) return false
  if (command.runner === 'renderer') {
    target.sendToRenderer(command.id)
    return true
  }
  if (command.id === 'folder.open') target.openFolder()
  else if (command.id === 'help.about') target.showAbout()
  const window = target.window
  if (window === null || window.isDestroyed()) return true
  const contents = window.webContents
  if (command.id === 'view.zoomIn') contents.setZoomLevel(Math.min(maxZoom, contents.getZoomLevel() + zoomStep))
  else if (command.id === 'view.zoomOut') contents.setZoomLevel(Math.max(minZoom, contents.getZoomLevel() - zoomStep))
  else if (command.id === 'view.zoomReset') contents.setZoomLevel(0)
  else if (command.id === 'view.fullScreen') window.setFullScreen(!window.isFullScreen())
  else if (command.id === 'view.reload') contents.reload()
  else if (command.id === 'view.devTools') contents.toggleDevTools()
  return true
}
