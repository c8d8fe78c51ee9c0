import type { FolioError } from '@shared/result'
import type { SessionError } from './session-snapshot'

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A failure as the session shows it: with the path it concerns and what was being done. */
export function withPath(error: FolioError, path: string, action: SessionError['action']): SessionError {
  return { ...error, path: error.path ?? path, action }
}
