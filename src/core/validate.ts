import { maxIndexPageSize, type FileVersion, type IndexPage, type TextFormat, type WriteArticleRequest } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'

const MAX_TEXT_LENGTH = 20 * 1024 * 1024

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid<T>(message: string): Result<T> {
  return fail('INVALID_ARGUMENT', message)
}

/** Checks that exactly `count` arguments were passed. */
export function expectArgCount(args: unknown[], count: number, method: string): Result<void> {
  return args.length === count ? ok(undefined) : invalid(`${method} takes ${count} argument(s), got ${args.length}.`)
}

/** Validates a TextFormat record. */
export function validateTextFormat(value: unknown): Result<TextFormat> {
  if (!isRecord(value)) return invalid('format must be an object.')
  const { hasBom, eol } = value
  if (typeof hasBom !== 'boolean') return invalid('format.hasBom must be a boolean.')
  if (eol !== 'lf' && eol !== 'crlf' && eol !== 'cr' && eol !== 'mixed') return invalid('format.eol must be lf, crlf, cr or mixed.')
  return ok({ hasBom, eol })
}

/** Validates a FileVersion record (hash: 64 hex digits; size and mtimeMs: finite non-negative numbers). */
export function validateFileVersion(value: unknown): Result<FileVersion> {
  if (!isRecord(value)) return invalid('baseVersion must be an object.')
  const { hash, size, mtimeMs } = value
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return invalid('baseVersion.hash must be a SHA-256 hex string.')
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) return invalid('baseVersion.size must be a non-negative number.')
  if (typeof mtimeMs !== 'number' || !Number.isFinite(mtimeMs)) return invalid('baseVersion.mtimeMs must be a number.')
  return ok({ hash, size, mtimeMs })
}

/** Validates a WriteArticleRequest; the path itself is checked later by the content root. */
export function validateWriteRequest(value: unknown): Result<WriteArticleRequest> {
  if (!isRecord(value)) return invalid('The write request must be an object.')
  const { path, text, force, makeWritable } = value
  if (typeof path !== 'string') return invalid('path must be a string.')
  if (typeof text !== 'string') return invalid('text must be a string.')
  if (text.length > MAX_TEXT_LENGTH) return fail('TOO_LARGE', 'The text is too large to save.')
  if (force !== undefined && typeof force !== 'boolean') return invalid('force must be a boolean when given.')
  if (makeWritable !== undefined && typeof makeWritable !== 'boolean') return invalid('makeWritable must be a boolean when given.')
  const format = validateTextFormat(value.format)
  if (!format.ok) return format
  const baseVersion = validateFileVersion(value.baseVersion)
  if (!baseVersion.ok) return baseVersion
  const request: WriteArticleRequest = { path, text, format: format.value, baseVersion: baseVersion.value }
  if (force === true) request.force = true
  if (makeWritable === true) request.makeWritable = true
  return ok(request)
}

/** Validates an IndexPage: `after` a path string (at most 4096 characters) or null, `limit` a whole number from 1 to maxIndexPageSize. */
export function validateIndexPage(value: unknown): Result<IndexPage> {
  if (!isRecord(value)) return invalid('The index page must be an object.')
  const { after, limit } = value
  if (after !== null && (typeof after !== 'string' || after.length > 4096)) return invalid('page.after must be a path or null.')
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maxIndexPageSize) return invalid(`page.limit must be a whole number from 1 to ${maxIndexPageSize}.`)
  return ok({ after, limit })
}
