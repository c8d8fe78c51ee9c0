import type { FileVersion } from '@shared/api'
import type { Result } from '@shared/result'

/**
 * The part of the confined article store (src/core/store, ArticleStore) that authoring uses. Authoring never writes
 * by itself: every create, write, move and trash goes through the store, so its rules (confinement, atomic writes,
 * version checks, never overwrite, trash only) apply.
 */
export interface AuthoringStore {
  readonly root: string
  /** Every article path, in chunks as found, unordered. */
  list(take: (paths: string[]) => void): Promise<Result<void>>
  read(relPath: string): Promise<Result<{ bytes: Uint8Array; version: FileVersion }>>
  write(relPath: string, bytes: Uint8Array, options: { baseHash: string | null }): Promise<Result<{ version: FileVersion; written: boolean }>>
  create(relPath: string, bytes: Uint8Array): Promise<Result<FileVersion>>
  move(from: string, to: string): Promise<Result<void>>
  trash(relPath: string): Promise<Result<void>>
}

/** Every article path of the store, sorted by code unit. */
export async function listAll(store: AuthoringStore): Promise<Result<string[]>> {
  const paths: string[] = []
  const listed = await store.list((chunk) => paths.push(...chunk))
  if (!listed.ok) return listed
  return { ok: true, value: paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) }
}
