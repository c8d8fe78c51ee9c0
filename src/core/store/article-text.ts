import type { ArticleDocument, WriteArticleRequest, WriteArticleResult } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { decodeLossy, decodeText, encodeText } from '../file-codec'
import { hashBytes } from '../file-version'
import { textProblemOf } from '../text-problem'
import type { ArticleStore, StoredFile } from './article-store'

const permissionReason = 'The file is read-only: its permissions do not allow writing. Folio asks before making it writable.'

/**
 * The editor's view of a stored file: LF text, format and version. Bytes that are not UTF-8 text give a read-only
 * document with lossy text (never saved); a file whose permissions deny writing is read-only too, with the reason,
 * and `canMakeWritable`.
 */
export function toArticleDocument(relPath: string, stored: StoredFile): ArticleDocument {
  const { bytes, version } = stored
  const decoded = decodeText(bytes)
  if (!decoded.ok) {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    const reason = `${decoded.error.message} It is shown read-only so that saving cannot damage it.`
    return { path: relPath, text: decodeLossy(bytes), format: { hasBom, eol: 'lf' }, version, isReadOnly: true, readOnlyReason: reason }
  }
  if (!stored.isWritable) return { path: relPath, ...decoded.value, version, isReadOnly: true, readOnlyReason: permissionReason, canMakeWritable: true }
  return { path: relPath, ...decoded.value, version, isReadOnly: false }
}

/** Told the hash about to be written (before the rename), then, when the write did not happen, the hash on disk (null: none). */
export type WriteObserver = (hash: string | null) => void

/**
 * Saves an article's LF text through the store, with the file's BOM and line breaks (encodeText against the bytes
 * on disk): CONFLICT when the file no longer has `baseVersion.hash` (unless `force`), READ_ONLY when the bytes on
 * disk are not UTF-8 text, or the file is read-only and the writer did not agree (`makeWritable`). A file deleted
 * outside is re-created. The one article write path of the session, the CLI and git.
 */
export async function writeArticleText(store: ArticleStore, request: WriteArticleRequest, observe?: WriteObserver): Promise<Result<WriteArticleResult>> {
  const rel = request.path
  let isObserved = false
  let onDiskHash: string | null = null
  // NOTE: made in the write's turn from the bytes it read (no read before the write): the CONFLICT check against
  // `baseVersion` comes first in the store, then these.
  const make = (onDisk: StoredFile | null): Result<Uint8Array> => {
    onDiskHash = onDisk?.version.hash ?? null
    // NOTE: only whether the bytes are text (what decodeText refuses), not their decoded text: a save needs no more.
    if (onDisk !== null && textProblemOf(onDisk.bytes) !== null) {
      return fail('READ_ONLY', `"${rel}" is not valid UTF-8 text on disk; Folio does not overwrite it.`, { path: rel })
    }
    const bytes = encodeText(request.text, request.format, onDisk?.bytes)
    // NOTE: told before the write, so the watcher's echo of it (which can arrive before the write returns) is known.
    observe?.(hashBytes(bytes))
    isObserved = true
    return ok(bytes)
  }
  const written = await store.write(rel, make, { baseHash: request.baseVersion.hash, force: request.force, makeWritable: request.makeWritable })
  if (isObserved && (!written.ok || !written.value.written)) observe?.(written.ok ? written.value.version.hash : onDiskHash)
  return written.ok ? ok(written.value) : written
}
