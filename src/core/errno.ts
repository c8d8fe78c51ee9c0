import type { ErrorCode, FolioError, Result } from '@shared/result'

interface ErrnoInfo {
  code: ErrorCode
  cause: string
}

const known: Record<string, ErrnoInfo> = {
  ENOENT: { code: 'NOT_FOUND', cause: 'it does not exist' },
  ENOTDIR: { code: 'NOT_FOUND', cause: 'a part of its path is not a folder' },
  EACCES: { code: 'PERMISSION', cause: 'permission denied' },
  EPERM: { code: 'PERMISSION', cause: 'the operation is not permitted (the file may be locked or protected)' },
  EROFS: { code: 'READ_ONLY', cause: 'the file system is read-only' },
  ENOSPC: { code: 'NO_SPACE', cause: 'the disk is full' },
  EDQUOT: { code: 'NO_SPACE', cause: 'the disk quota is exceeded' },
  EBUSY: { code: 'BUSY', cause: 'the file is busy or locked by another program' },
  ETXTBSY: { code: 'BUSY', cause: 'the file is busy' },
  EMFILE: { code: 'BUSY', cause: 'too many files are open' },
  ENFILE: { code: 'BUSY', cause: 'too many files are open' },
  ENAMETOOLONG: { code: 'INVALID_PATH', cause: 'the path is too long' },
  EISDIR: { code: 'INVALID_PATH', cause: 'it is a folder' },
  ELOOP: { code: 'INVALID_PATH', cause: 'it has too many levels of symbolic links' },
  EEXIST: { code: 'IO', cause: 'it already exists' },
  EFBIG: { code: 'TOO_LARGE', cause: 'the file is too large' },
  EIO: { code: 'IO', cause: 'a disk input/output error occurred' },
  EADDRINUSE: { code: 'BUSY', cause: 'it is already in use' },
}

/** True for errors thrown by Node's fs (they carry a string `code` such as "ENOENT"). */
export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

/** The errno code of a Node fs error, or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  return isErrnoError(error) ? error.code : undefined
}

/**
 * Maps a Node fs error to a FolioError whose message names the file and the cause, e.g.
 * `Could not save "posts/a.md": the disk is full (ENOSPC).` Anything that is not an fs error is a bug and is rethrown.
 */
export function errnoToError(error: unknown, action: string, displayPath: string): FolioError {
  if (!isErrnoError(error)) throw error
  const errno = error.code ?? 'UNKNOWN'
  const info = known[errno] ?? { code: 'IO', cause: error.message }
  return { code: info.code, message: `Could not ${action} "${displayPath}": ${info.cause} (${errno}).`, path: displayPath }
}

/** Like errnoToError, as a failed Result. */
export function errnoToResult<T = never>(error: unknown, action: string, displayPath: string): Result<T> {
  return { ok: false, error: errnoToError(error, action, displayPath) }
}
