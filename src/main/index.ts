import { app, BrowserWindow, dialog, session } from 'electron'
import path from 'node:path'
import { createFolioHost } from '../core/host/folio-host'
import { serveAssets } from './asset-protocol'
import { guardClose, type CloseGuard } from './close-guard'
import { pickExportPath } from './export-dialog'
import { createElectronPdfRenderer } from './export-pdf'
import { pickFolderPath } from './folder-dialog'
import { forwardEventsTo } from './ipc/forward-events'
import { registerRequests } from './ipc/register-requests'
import { folderFromArgv } from './launch-args'
import { installMenu } from './menu'
import { registerAppScheme, serveRenderer } from './renderer-protocol'
import { denyPermissions, lockAllWebContents } from './security'
import { createMainWindow } from './window'
import { openInSystemBrowser } from './open-external'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
let window: BrowserWindow | null = null
let closeGuard: CloseGuard | null = null
// NOTE: the journal, export state and the folder index's summary cache sit in userData (known before app ready),
// never in the content folder.
const host = createFolioHost({
  pickFolder: () => pickFolderPath(window),
  chooseDestination: (name) => pickExportPath(window, name),
  renderPdf: createElectronPdfRenderer,
  stateDir: app.getPath('userData'),
  cacheDir: path.join(app.getPath('userData'), 'IndexCache'),
  openExternal: openInSystemBrowser,
  closeWindow: () => closeGuard?.allowClose(),
})
host.onEvent((event) => (window ? forwardEventsTo(window)(event) : undefined))

registerAppScheme()
lockAllWebContents()

async function boot(): Promise<void> {
  await app.whenReady()
  denyPermissions(session.defaultSession)
  const disposers = [serveRenderer(path.join(import.meta.dirname, '..', 'renderer')), serveAssets(() => host.session()?.root ?? null), registerRequests(host.handlers, devServerUrl)]
  installMenu(() => void host.handlers.openFolder())
  const dir = folderFromArgv(process.argv, app.isPackaged)
  if (dir !== null) {
    const opened = await host.open(path.resolve(dir))
    if (!opened.ok) dialog.showErrorBox('Folio could not open the folder', opened.error.message)
  }
  window = createMainWindow(path.join(import.meta.dirname, '..', 'preload'), devServerUrl)
  closeGuard = guardClose(window, forwardEventsTo(window))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => disposers.forEach((dispose) => dispose()))
  // NOTE: on will-quit, not before-quit: the window's close guard can still cancel a quit after before-quit.
  app.on('will-quit', () => void host.dispose())
}

void boot()
