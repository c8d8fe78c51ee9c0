import fs from 'node:fs/promises'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import type { ContentRoot } from './content-root'
import { errnoToResult } from './errno'
import { isInside } from './path-rules'

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
  try {
    const real = await fs.realpath(resolved.value)
    if (!isInside(root.root, real)) return fail('INVALID_PATH', 'The asset leads outside the folder.', { path: String(relPath) })
    const stats = await fs.stat(real)
    if (!stats.isFile()) return fail('NOT_FOUND', 'The asset is not a file.', { path: String(relPath) })
    if (stats.size > maxAssetBytes) return fail('TOO_LARGE', 'The asset is too large to preview.', { path: String(relPath) })
    return ok({ file: real, contentType, size: stats.size })
  } catch (error) {
    return errnoToResult(error, 'read the asset', String(relPath))
  }
}

/** Reads an asset resolved by resolveAsset; the bytes plus its content type, or the read failure. */
export async function readAsset(root: ContentRoot, relPath: unknown): Promise<Result<{ bytes: Buffer; contentType: string }>> {
  const asset = await resolveAsset(root, relPath)
  if (!asset.ok) return asset
  try {
    return ok({ bytes: await fs.readFile(asset.value.file), contentType: asset.value.contentType })
  } catch (error) {
    return errnoToResult(error, 'read the asset', String(relPath))
  }
}

/** The HTTP status for a failed asset lookup: 403 for refused paths and types, 404 otherwise. */
export function assetFailureStatus(code: string): number {
  return code === 'INVALID_PATH' || code === 'UNSUPPORTED' || code === 'INVALID_ARGUMENT' ? 403 : code === 'TOO_LARGE' ? 413 : 404
}
