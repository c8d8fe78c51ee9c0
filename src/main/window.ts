import { BrowserWindow } from 'electron'
import path from 'node:path'
import { appOrigin } from './renderer-protocol'

/** Creates the one editor window with the renderer locked down (isolated, sandboxed, no Node). */
export function createMainWindow(preloadDir: string, devServerUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Folio',
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
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
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`)
  return window
}
