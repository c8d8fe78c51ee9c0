import { BrowserWindow, session } from 'electron'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { fail, ok } from '@shared/result'
import type { PdfRenderer } from '../core/export/index'
import { documentKey, isAllowedPdfRequest } from '../core/export/pdf-requests'

const mmPerInch = 25.4

/** The in-memory session the PDF windows use alone, so its request filter touches nothing else. */
export const pdfPartition = 'folio-pdf-export'

/**
 * PDF through Electron's own Chromium: the document is loaded from a temp file into a hidden, sandboxed window with
 * JavaScript off, in a session of its own that refuses every request but `data:` URLs and the document itself
 * (isAllowedPdfRequest), printed with webContents.printToPDF (selectable text), then the window and file are removed.
 */
export function createElectronPdfRenderer(): PdfRenderer {
  const documents = new Set<string>()
  let isFiltered = false
  // NOTE: installed on first use: sessions exist only once the app is ready.
  const filterRequests = (): void => {
    if (isFiltered) return
    isFiltered = true
    session.fromPartition(pdfPartition).webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPdfRequest(details.url, documents) }))
  }
  return {
    async render(html, options) {
      filterRequests()
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-pdf-'))
      const file = path.join(dir, 'export.html')
      const documentUrl = pathToFileURL(file).href
      const key = documentKey(documentUrl) ?? documentUrl
      const window = new BrowserWindow({
        show: false,
        webPreferences: { partition: pdfPartition, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
      })
      try {
        await fs.writeFile(file, html)
        documents.add(key)
        // NOTE: a file, not a data: URL, because documents with inlined images easily pass Chromium's URL limits.
        await window.loadURL(documentUrl)
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
        documents.delete(key)
        window.destroy()
        await fs.rm(dir, { recursive: true, force: true })
      }
    },
    close: () => Promise.resolve(),
  }
}
