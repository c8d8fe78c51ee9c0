import { app, dialog, type BrowserWindow } from 'electron'
import path from 'node:path'

/** Asks where to save an export (the suggested name in Documents); null when the writer cancels. */
export async function pickExportPath(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = { title: 'Export articles', defaultPath: path.join(app.getPath('documents'), suggestedName) }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath
}
