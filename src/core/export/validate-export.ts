import type { ExportFormat, ExportRequest, PdfOptions } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { isRecord } from '../validate'

const formats: readonly ExportFormat[] = ['md', 'html', 'pdf', 'json']
const pageSizes: readonly PdfOptions['pageSize'][] = ['A4', 'A5', 'Letter', 'Legal']
const maxPaths = 100_000

function invalid<T>(message: string): Result<T> {
  return fail('INVALID_ARGUMENT', message)
}

/** True for an export format name. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (formats as readonly string[]).includes(value)
}

/** Reads a "modified since" date: YYYY-MM-DD (local midnight) or a full ISO 8601 time; INVALID_ARGUMENT otherwise. */
export function parseSinceDate(text: string): Result<Date> {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null
  if (date === null || Number.isNaN(date.getTime())) return invalid(`"${text}" is not a date (write 2025-01-31 or 2025-01-31T09:00:00Z).`)
  return ok(date)
}

/** Validates PDF options (margins 0 to 50 mm). */
export function validatePdfOptions(value: unknown): Result<PdfOptions> {
  if (!isRecord(value)) return invalid('pdf must be an object.')
  const { pageSize, marginMm } = value
  if (typeof pageSize !== 'string' || !(pageSizes as readonly string[]).includes(pageSize)) return invalid(`pdf.pageSize must be one of ${pageSizes.join(', ')}.`)
  if (typeof marginMm !== 'number' || !Number.isFinite(marginMm) || marginMm < 0 || marginMm > 50) return invalid('pdf.marginMm must be a number from 0 to 50.')
  return ok({ pageSize: pageSize as PdfOptions['pageSize'], marginMm })
}

/** Validates an untrusted ExportRequest; article paths themselves are checked later by the content root. */
export function validateExportRequest(value: unknown): Result<ExportRequest> {
  if (!isRecord(value)) return invalid('The export request must be an object.')
  const { paths, format, since, zip, pdf, jobId } = value
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > maxPaths || !paths.every((p) => typeof p === 'string')) {
    return invalid(`paths must be a list of 1 to ${maxPaths} path strings.`)
  }
  if (!isExportFormat(format)) return invalid(`format must be one of ${formats.join(', ')}.`)
  const request: ExportRequest = { paths, format }
  if (since !== undefined) {
    if (typeof since !== 'string') return invalid('since must be a date string or "last-export".')
    if (since !== 'last-export') {
      const date = parseSinceDate(since)
      if (!date.ok) return date
    }
    request.since = since
  }
  if (zip !== undefined && typeof zip !== 'boolean') return invalid('zip must be a boolean when given.')
  if (zip === true) request.zip = true
  if (pdf !== undefined) {
    const options = validatePdfOptions(pdf)
    if (!options.ok) return options
    request.pdf = options.value
  }
  if (jobId !== undefined) {
    if (typeof jobId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) return invalid('jobId must be 1 to 64 letters, digits, _ or -.')
    request.jobId = jobId
  }
  return ok(request)
}
