import { app, dialog, type BrowserWindow } from 'electron'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { ExportJobs, ExportStateStore, type ExportHost } from '../core/export/index'
import type { HandlerHost } from '../core/request-handlers'
import { createElectronPdfRenderer } from './export-pdf'

/** Asks where to save an export (the suggested name in Documents); null when the writer cancels. */
export async function pickExportPath(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = { title: 'Export articles', defaultPath: path.join(app.getPath('documents'), suggestedName) }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath
}

/**
 * The desktop export host: a save dialog picks the destination, PDF comes from printToPDF in a hidden window, the
 * last export per folder is remembered in the app's userData folder, progress goes to the window.
 */
export function createDesktopExportHost(getWindow: () => BrowserWindow | null, emit: (event: FolderEvent) => void): ExportHost {
  return {
    createPdfRenderer: createElectronPdfRenderer,
    state: new ExportStateStore(app.getPath('userData')),
    jobs: new ExportJobs(),
    chooseDestination: (name) => pickExportPath(getWindow(), name),
    emit,
  }
}

/** The folder host plus export, as the request-handler table wants it. */
export function withExport(host: Omit<HandlerHost, 'exportHost'>, exportHost: ExportHost): HandlerHost {
  return { session: () => host.session(), pickFolder: () => host.pickFolder(), exportHost }
}
