import { dialog, type BrowserWindow } from 'electron'

/** Asks the user for a content folder; resolves to its absolute path, or null when cancelled. */
export async function pickFolderPath(window: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open content folder', properties: ['openDirectory' as const] }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
