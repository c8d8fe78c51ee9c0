import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron'

/** Why the window stopped answering: its renderer process ended, or it hangs. */
export type RendererTrouble = { kind: 'gone'; reason: string; exitCode: number } | { kind: 'hung' }

/** The dialog offered for a renderer crash or hang; button 0 is always Reload. */
export function troubleDialog(trouble: RendererTrouble): MessageBoxOptions {
  const detail = 'Unsaved text is kept in the journal: after Reload, Folio offers to restore it.'
  if (trouble.kind === 'hung') {
    return { type: 'warning', title: 'Folio is not responding', message: 'The Folio window is not responding.', detail, buttons: ['Reload', 'Wait'], defaultId: 1, cancelId: 1, noLink: true }
  }
  return {
    type: 'error',
    title: 'Folio window stopped',
    message: `The Folio window stopped (${trouble.reason}, exit code ${trouble.exitCode}).`,
    detail,
    buttons: ['Reload', 'Close Window'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  }
}

/**
 * Watches the window's renderer: when it crashes (`render-process-gone`, except a clean exit) or hangs
 * (`unresponsive`), logs it and offers Reload; the reloaded page restores unsaved text from the journal. A hung
 * renderer is ended first (forcefullyCrashRenderer), since a reload would wait on it. Declining a crash closes the window.
 */
export function watchRenderer(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBox'>, log: (message: string) => void): void {
  let isAsking = false
  const offer = async (trouble: RendererTrouble): Promise<void> => {
    if (isAsking || window.isDestroyed()) return
    isAsking = true
    log(trouble.kind === 'hung' ? 'renderer unresponsive' : `renderer gone: ${trouble.reason} (exit code ${trouble.exitCode})`)
    const { response } = await dialog.showMessageBox(window, troubleDialog(trouble))
    isAsking = false
    if (window.isDestroyed()) return
    if (response === 0) {
      if (trouble.kind === 'hung') window.webContents.forcefullyCrashRenderer()
      window.webContents.reload()
    } else if (trouble.kind === 'gone') window.destroy()
  }
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    void offer({ kind: 'gone', reason: details.reason, exitCode: details.exitCode })
  })
  window.on('unresponsive', () => void offer({ kind: 'hung' }))
}
