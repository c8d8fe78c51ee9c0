import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { FileVersion, TextFormat } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { errnoToResult } from '../core/errno'
import { decodeText } from '../core/file-codec'
import type { ArticleStore } from '../core/store/article-store'
import { writeArticleText } from '../core/store/article-text'
import { NodeArticleStore } from '../core/store/node-store'

/** A file read for the CLI: the editor's LF text and what is needed to write it back byte-exact and version-checked. */
export interface LoadedArticle {
  store: ArticleStore
  /** The file's name in `store`. */
  relPath: string
  shown: string
  bytes: Uint8Array
  text: string
  format: TextFormat
  version: FileVersion
}

/** A store error with the store's name for the file replaced by the name the user gave. */
function asShown<T>(result: Result<T>, relPath: string, shown: string): Result<T> {
  if (result.ok) return result
  return fail(result.error.code, result.error.message.split(`"${relPath}"`).join(`"${shown}"`), { path: shown })
}

/**
 * Reads and decodes a text file through the article store (rooted at the file's real folder: the file named on the
 * command line is the user's choice); NOT_FOUND, INVALID_PATH (a folder, FIFO or device), TOO_LARGE, BINARY or
 * ENCODING on failure.
 */
export async function loadArticle(absPath: string, shown: string): Promise<Result<LoadedArticle>> {
  let real: string
  try {
    real = await realpath(absPath)
  } catch (error) {
    return errnoToResult(error, 'read', shown)
  }
  const opened = await NodeArticleStore.open(path.dirname(real), { policy: 'any' })
  if (!opened.ok) return asShown(opened, path.dirname(real), shown)
  const store = opened.value
  const relPath = path.basename(real)
  const read = asShown(await store.read(relPath), relPath, shown)
  if (!read.ok) return read
  const { bytes, version } = read.value
  const decoded = decodeText(bytes)
  if (!decoded.ok) return fail(decoded.error.code, decoded.error.message, { path: shown })
  return ok({ store, relPath, shown, bytes, text: decoded.value.text, format: decoded.value.format, version })
}

/**
 * Writes new LF text back with the file's BOM and line breaks, atomically, through the store's one write path:
 * CONFLICT when the file changed since it was loaded (nothing written), READ_ONLY for a read-only file. Resolves
 * to false when the bytes would not change (nothing touched).
 */
export async function saveArticle(article: LoadedArticle, text: string): Promise<Result<boolean>> {
  const request = { path: article.relPath, text, format: article.format, baseVersion: article.version }
  const written = asShown(await writeArticleText(article.store, request), article.relPath, article.shown)
  return written.ok ? ok(written.value.written) : written
}

/** How a path is shown in messages: relative to the working folder when inside it, with `/` separators. */
export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath)
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel
  return shown.split(path.sep).join('/')
}
