import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { TextFormat } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../core/atomic-write'
import { errnoToResult } from '../core/errno'
import { decodeText, encodeText } from '../core/file-codec'

/** A file read for the CLI: its bytes, the editor's LF text and what is needed to write it back byte-exact. */
export interface LoadedArticle {
  absPath: string
  bytes: Uint8Array
  text: string
  format: TextFormat
}

/** Reads and decodes a text file; NOT_FOUND, INVALID_ARGUMENT (not a file), BINARY or ENCODING on failure. */
export async function loadArticle(absPath: string, shown: string): Promise<Result<LoadedArticle>> {
  let bytes: Uint8Array
  try {
    const info = await stat(absPath)
    if (!info.isFile()) return fail('INVALID_ARGUMENT', `${shown} is not a file`, { path: shown })
    bytes = await readFile(absPath)
  } catch (error) {
    return errnoToResult(error, 'read', shown)
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return fail(decoded.error.code, decoded.error.message, { path: shown })
  return ok({ absPath, bytes, text: decoded.value.text, format: decoded.value.format })
}

/** Writes new LF text back with the file's BOM and line breaks, atomically. Does nothing when the bytes would not change. */
export async function saveArticle(article: LoadedArticle, text: string): Promise<Result<boolean>> {
  const bytes = encodeText(text, article.format, article.bytes)
  if (Buffer.from(bytes).equals(Buffer.from(article.bytes))) return ok(false)
  const written = await writeFileAtomic(article.absPath, bytes)
  return written.ok ? ok(true) : written
}

/** How a path is shown in messages: relative to the working folder when inside it, with `/` separators. */
export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath)
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel
  return shown.split(path.sep).join('/')
}
