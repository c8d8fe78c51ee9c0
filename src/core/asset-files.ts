import fs from 'node:fs/promises'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import type { ContentRoot } from './content-root'
import { errnoToResult } from './errno'
import { nodeFs, type FsHandle } from './fs-port'
import { isInside } from './path-rules'
import { openConfined } from './store/confine'
import { isInSkippedFolder } from './store/entry-rules'

/** Content types of the files the preview may load from the content folder: images and media, nothing else. */
export const assetContentTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.flac': 'audio/flac',
}

/** The largest asset served, in bytes (assets are read whole). */
export const maxAssetBytes = 256 * 1024 * 1024

/**
 * Headers for every asset response. NOTE: the CSP `sandbox` gives an asset opened on its own (an SVG, say) an
 * opaque origin without script, so a hostile file in the folder cannot act as the app's origin.
 */
export function assetHeaders(contentType: string, length: number): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Length': String(length),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'no-cache',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

/** A file the asset channel may serve. */
export interface AssetFile {
  /** Absolute real path inside the content root. */
  file: string
  contentType: string
  size: number
}

/** The asset content type for a path by its extension (case-insensitive), or null when it is not an image or media file. */
export function assetContentType(relPath: string): string | null {
  return assetContentTypes[path.posix.extname(relPath).toLowerCase()] ?? null
}

/**
 * Turns the percent-encoded path part of an asset URL (after `/asset/` or `folio-asset://root/`) into a relative
 * path. Fails with INVALID_PATH on malformed encoding, an encoded `/` or `\`, or an empty path.
 */
export function assetPathFromUrl(encoded: string): Result<string> {
  const segments: string[] = []
  for (const part of encoded.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch (error) {
      // NOTE: malformed percent-encoding is a bad request, not a bug.
      if (error instanceof URIError) return fail('INVALID_PATH', 'The asset address is not validly encoded.')
      throw error
    }
    if (decoded.includes('/') || decoded.includes('\\')) return fail('INVALID_PATH', 'The asset address hides a path separator.')
    segments.push(decoded)
  }
  const relPath = segments.join('/')
  return relPath === '' ? fail('INVALID_PATH', 'The asset address names no file.') : ok(relPath)
}

/**
 * Resolves an untrusted relative path to an image or media file inside the content root. Refuses what
 * ContentRoot.resolve refuses (`..`, absolute, symlink escapes: INVALID_PATH), other file types (UNSUPPORTED),
 * folders and missing files (NOT_FOUND), files over maxAssetBytes (TOO_LARGE).
 */
export async function resolveAsset(root: ContentRoot, relPath: unknown): Promise<Result<AssetFile>> {
  const resolved = await root.resolve(relPath)
  if (!resolved.ok) return resolved
  const contentType = assetContentType(resolved.value)
  if (contentType === null) return fail('UNSUPPORTED', 'Only image and media files are served to the preview.', { path: String(relPath) })
  if (isInSkippedFolder(String(relPath))) return fail('NOT_FOUND', 'The asset is in a folder Folio does not show (a dot-folder, node_modules, public).', { path: String(relPath) })
  try {
    const real = await fs.realpath(resolved.value)
    if (!isInside(root.root, real)) return fail('INVALID_PATH', 'The asset leads outside the folder.', { path: String(relPath) })
    // NOTE: judged again on the real path, so a link to a skipped folder serves nothing from it either.
    if (isInSkippedFolder(path.relative(await fs.realpath(root.root), real))) return fail('NOT_FOUND', 'The asset is in a folder Folio does not show.', { path: String(relPath) })
    const stats = await fs.stat(real)
    if (!stats.isFile()) return fail('NOT_FOUND', 'The asset is not a file.', { path: String(relPath) })
    if (stats.size > maxAssetBytes) return fail('TOO_LARGE', 'The asset is too large to preview.', { path: String(relPath) })
    return ok({ file: real, contentType, size: stats.size })
  } catch (error) {
    return errnoToResult(error, 'read the asset', String(relPath))
  }
}

/** An inclusive byte range of a file, as a Range header asks for it. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * The single byte range a `Range` header asks of a file of `size` bytes (RFC 9110: `bytes=a-b`, `bytes=a-`,
 * `bytes=-n`; an end past the file is cut to it). `unsatisfiable` when it starts past the end (or asks for the
 * last 0 bytes); null when there is no header, it is malformed or it asks for several ranges: the whole file is
 * answered then, as the RFC allows.
 */
export function byteRangeOf(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (match === null) return null
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return null
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  if (to !== '' && Number(to) < start) return null
  if (start >= size) return 'unsatisfiable'
  return { start, end: to === '' ? size - 1 : Math.min(Number(to), size - 1) }
}

/** What to answer for an asset request: status, headers and body (null for HEAD and 416). */
export interface AssetAnswer {
  status: 200 | 206 | 416
  headers: Record<string, string>
  body: Buffer | null
}

/**
 * The answer to a request for an asset, honouring a single-range `Range` header (206 with Content-Range, or 416),
 * so audio and video in the preview can seek. NOTE: shared by `folio serve`'s `/asset/` route and the desktop
 * `folio-asset:` protocol; a range reads only its bytes.
 */
export async function answerAsset(root: ContentRoot, relPath: unknown, rangeHeader: string | null | undefined, isHead: boolean): Promise<Result<AssetAnswer>> {
  const asset = await resolveAsset(root, relPath)
  if (!asset.ok) return asset
  const { file, contentType, size } = asset.value
  const range = byteRangeOf(rangeHeader, size)
  if (range === 'unsatisfiable') return ok({ status: 416, headers: { ...assetHeaders(contentType, 0), 'Content-Range': `bytes */${size}` }, body: null })
  const { start, end } = range ?? { start: 0, end: size - 1 }
  const length = Math.max(0, end - start + 1)
  const headers = { ...assetHeaders(contentType, length), 'Accept-Ranges': 'bytes', ...(range === null ? {} : { 'Content-Range': `bytes ${start}-${end}/${size}` }) }
  const status = range === null ? 200 : 206
  if (isHead) return ok({ status, headers, body: null })
  // NOTE: opened, then proven to lie inside the folder and outside skipped folders (as the article store reads): a
  // link or a FIFO swapped in since resolveAsset looked can neither lead outside nor block the server.
  const opened = await openConfined(nodeFs, root.root, file, String(relPath), false)
  if (!opened.ok) return opened
  const { handle } = opened.value
  try {
    if (isInSkippedFolder(path.relative(root.root, opened.value.realPath))) return fail('NOT_FOUND', 'The asset is in a folder Folio does not show.', { path: String(relPath) })
    return ok({ status, headers, body: await readSlice(handle, start, length) })
  } catch (error) {
    return errnoToResult(error, 'read the asset', String(relPath))
  } finally {
    // NOTE: closing a handle opened for reading cannot lose data.
    await handle.close().catch(() => undefined)
  }
}

async function readSlice(handle: FsHandle, start: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length)
  let read = 0
  while (read < length) {
    const n = await handle.read(bytes, read, length - read, start + read)
    if (n === 0) break
    read += n
  }
  return bytes.subarray(0, read)
}

/** The HTTP status for a failed asset lookup: 403 for refused paths and types, 404 otherwise. */
export function assetFailureStatus(code: string): number {
  return code === 'INVALID_PATH' || code === 'UNSUPPORTED' || code === 'INVALID_ARGUMENT' ? 403 : code === 'TOO_LARGE' ? 413 : 404
}
