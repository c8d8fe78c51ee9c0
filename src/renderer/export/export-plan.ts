import type { ArticleSummary, ExportFormat, ExportRequest, PdfOptions } from '@shared/api'
import { filterArticles } from '../article-filter'

/** Which articles an export takes. */
export type ExportScope = 'current' | 'selected' | 'filtered' | 'since'

/** Everything the export dialog lets the writer choose. */
export interface ExportChoices {
  format: ExportFormat
  scope: ExportScope
  /** The dialog's filter text (same matching as the list's filter). */
  query: string
  /** Paths ticked in the dialog's list. */
  selected: ReadonlySet<string>
  /** For scope `since`: a YYYY-MM-DD date, or empty for "since the last export". */
  sinceDate: string
  isZip: boolean
  pdf: PdfOptions
}

/** The articles the filter shows. */
export function filteredPaths(articles: readonly ArticleSummary[], query: string): string[] {
  return filterArticles(articles, query).map((a) => a.path)
}

/**
 * The request for the writer's choices, or a sentence saying what is missing. `filtered` exports what the list
 * shows (`shown`, narrowed by the dialog's filter); `since` those of them modified after the date (or the folder's
 * last export when no date is given).
 */
export function buildExportRequest(choices: ExportChoices, articles: readonly ArticleSummary[], activePath: string | null, jobId: string, shown: readonly ArticleSummary[] = articles): ExportRequest | string {
  let paths: string[]
  if (choices.scope === 'current') {
    if (activePath === null) return 'Open an article first.'
    paths = [activePath]
  } else if (choices.scope === 'selected') {
    paths = articles.map((a) => a.path).filter((p) => choices.selected.has(p))
    if (paths.length === 0) return 'Tick the articles to export.'
  } else {
    paths = filteredPaths(shown, choices.query)
    if (paths.length === 0) return 'No article matches the filter.'
  }
  const request: ExportRequest = { paths, format: choices.format, jobId }
  if (choices.scope === 'since') request.since = choices.sinceDate === '' ? 'last-export' : choices.sinceDate
  if (choices.isZip) request.zip = true
  if (choices.format === 'pdf') request.pdf = choices.pdf
  return request
}

/** Turns base64 from the host into bytes for a Blob. */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Hands a file to the browser as a download (browser mode). */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // NOTE: revoked on the next task; revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
