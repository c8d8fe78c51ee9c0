import type { PdfOptions } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { isAllowedPdfRequest } from './pdf-requests'

/** Turns a standalone HTML document into PDF bytes; close() releases what it holds. */
export interface PdfRenderer {
  render(html: string, options: PdfOptions): Promise<Result<Uint8Array>>
  close(): Promise<void>
}

/** Default page options: A4 with 18 mm margins. */
export const defaultPdfOptions: PdfOptions = { pageSize: 'A4', marginMm: 18 }

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const noDocuments: ReadonlySet<string> = new Set()

type Browser = Awaited<ReturnType<typeof import('playwright-core').chromium.launch>>

/**
 * PDF through headless Chromium driven by Playwright (CLI and browser mode). The browser starts on first use from
 * CHROMIUM_PATH, else /usr/bin/chromium when present, else Playwright's own; the page gets no network (the document
 * is self-contained) and JavaScript is off. UNSUPPORTED when no Chromium can be launched.
 */
export function createChromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH): PdfRenderer {
  let browser: Promise<Result<Browser>> | null = null
  const launch = async (): Promise<Result<Browser>> => {
    try {
      // NOTE: computed so bundlers leave playwright-core to Node (the desktop app prints with Electron instead).
      const playwrightModule = 'playwright-core'
      const { chromium } = (await import(/* @vite-ignore */ playwrightModule)) as typeof import('playwright-core')
      const { existsSync } = await import('node:fs')
      const path = executablePath ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
      return ok(await chromium.launch({ executablePath: path, args: launchArgs, headless: true }))
    } catch (error) {
      return fail('UNSUPPORTED', `PDF export needs Chromium (set CHROMIUM_PATH): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
  }
  return {
    async render(html, options) {
      browser ??= launch()
      const launched = await browser
      if (!launched.ok) return launched
      const context = await launched.value.newContext({ javaScriptEnabled: false, offline: true })
      try {
        const page = await context.newPage()
        // NOTE: the document is set as content (about:blank), so no request is the document itself: only data: passes.
        await page.route('**/*', (route) => (isAllowedPdfRequest(route.request().url(), noDocuments) ? route.continue() : route.abort()))
        await page.setContent(html, { waitUntil: 'load' })
        const margin = `${options.marginMm}mm`
        const pdf = await page.pdf({ format: options.pageSize, margin: { top: margin, bottom: margin, left: margin, right: margin }, printBackground: true })
        return ok(new Uint8Array(pdf))
      } catch (error) {
        return fail('IO', `Chromium could not print the PDF: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      } finally {
        await context.close()
      }
    },
    async close() {
      const launched = await browser
      browser = null
      if (launched?.ok) await launched.value.close()
    },
  }
}
