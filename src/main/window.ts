import { BrowserWindow, type Screen } from 'electron'
import path from 'node:path'
import { appOrigin } from './renderer-protocol'
import type { WindowState } from './window-state'

/** What the editor window is made from. */
export interface MainWindowOptions {
  preloadDir: string
  devServerUrl: string | undefined
  /** Where it opens (see placeWindow). */
  place: WindowState
  /** The app icon (Linux and Windows show it on the window; macOS uses the bundle's). */
  iconPath?: string
}

/** Creates the one editor window with the renderer locked down (isolated, sandboxed, no Node), at `place`. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.place.bounds,
    minWidth: 480,
    minHeight: 320,
    show: false,
    title: 'Folio',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: {
      preload: path.join(options.preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => {
    if (options.place.isMaximized) window.maximize()
    if (options.place.isFullScreen) window.setFullScreen(true)
    window.show()
  })
  void window.loadURL(options.devServerUrl ?? `${appOrigin}/index.html`)
  return window
}

/** Moves an open window to `state` (a folder with its own remembered place was opened). */
export function applyWindowState(window: BrowserWindow, state: WindowState): void {
  if (window.isFullScreen() && !state.isFullScreen) window.setFullScreen(false)
  if (window.isMaximized() && !state.isMaximized) window.unmaximize()
  window.setBounds(state.bounds)
  if (state.isMaximized) window.maximize()
  if (state.isFullScreen) window.setFullScreen(true)
}

/** The window's state now: its normal bounds (even while maximized), how it is shown, and its display. */
export function captureWindowState(window: BrowserWindow, screen: Pick<Screen, 'getDisplayMatching'>): WindowState {
  const bounds = window.getNormalBounds()
  return { bounds, isMaximized: window.isMaximized(), isFullScreen: window.isFullScreen(), displayId: screen.getDisplayMatching(bounds).id }
}

const stateEvents = ['resized', 'moved', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen', 'close'] as const

/** Calls `save` with the window's state after each move, resize, maximize or full-screen change, and on close. */
export function trackWindowState(window: BrowserWindow, screen: Pick<Screen, 'getDisplayMatching'>, save: (state: WindowState) => void): void {
  // NOTE: 'resized' and 'moved' fire once a drag ends (macOS, Windows); Linux has only 'resize'/'move', so the
  // state is also taken on close, which every platform fires.
  const listener = (): void => {
    if (!window.isDestroyed()) save(captureWindowState(window, screen))
  }
  for (const name of stateEvents) window.on(name as 'close', listener)
}
