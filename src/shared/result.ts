/** Codes for failures a caller is expected to handle; anything else is a bug and throws. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'PERMISSION'
  | 'CONFLICT'
  | 'INVALID_PATH'
  | 'INVALID_ARGUMENT'
  | 'PARSE'
  | 'IO'
  | 'NO_SPACE'
  | 'READ_ONLY'
  | 'BUSY'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'ENCODING'
  | 'UNSUPPORTED'
  | 'UNAUTHORIZED'

/** A failure as plain data: safe to send over IPC or HTTP. Lines and columns are 1-based, in the file. */
export interface FolioError {
  code: ErrorCode
  message: string
  path?: string
  line?: number
  column?: number
}

/** The outcome of an operation that can fail in expected ways. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: FolioError }

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Builds a failure; extra fields (path, line, column) are optional. */
export function fail<T = never>(code: ErrorCode, message: string, extra: Omit<FolioError, 'code' | 'message'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } }
}
