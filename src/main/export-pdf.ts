import { BrowserWindow } from 'electron'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fail, ok } from '@shared/result'
import type { PdfRenderer } from '../core/export/index'

const mmPerInch = 25.4

/**
 * PDF through Electron's own Chromium: the document is loaded from a temp file into a hidden, sandboxed window with
 * JavaScript off, printed with webContents.printToPDF (selectable text), then the window and file are removed.
 */
export function createElectronPdfRenderer(): PdfRenderer {
  return {
    async render(html, options) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-pdf-'))
      const file = path.join(dir, 'export.html')
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
      })
      try {
        await fs.writeFile(file, html)
        // NOTE: a file, not a data: URL, because documents with inlined images easily pass Chromium's URL limits.
        await window.loadFile(file)
        const margin = options.marginMm / mmPerInch
        const pdf = await window.webContents.printToPDF({
          pageSize: options.pageSize,
          printBackground: true,
          margins: { top: margin, bottom: margin, left: margin, right: margin },
        })
        return ok(new Uint8Array(pdf))
      } catch (error) {
        return fail('IO', `Could not print the PDF: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        window.destroy()
        await fs.rm(dir, { recursive: true, force: true })
      }
    },
    close: () => Promise.resolve(),
  }
}
