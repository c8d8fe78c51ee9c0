import fs from 'node:fs/promises'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from '../errno'
import { nodeFs } from '../fs-port'
import { isInside } from '../path-rules'
import { openConfined, readAll } from '../store/confine'

const hugoConfigNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json']

/** Largest image inlined into an export, in bytes. */
export const maxInlineImageBytes = 20 * 1024 * 1024

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  // NOTE: an SVG shown through <img> runs no script and loads nothing, so inlining it after sanitizing is safe.
  '.svg': 'image/svg+xml',
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file)
    return true
  } catch (error) {
    // NOTE: an errno failure means "not usable here" and the walk goes on upwards; anything else is a bug.
    if (errnoCode(error) === undefined) throw error
    return false
  }
}

/**
 * The Hugo site root of an article: the nearest folder from `startDir` upwards holding a Hugo config or a `static`
 * folder, never above `limit`. Falls back to `limit` (or `startDir` without one).
 */
export async function findSiteRoot(startDir: string, limit?: string): Promise<string> {
  let current = path.resolve(startDir)
  for (;;) {
    for (const name of [...hugoConfigNames, 'static']) if (await exists(path.join(current, name))) return current
    const parent = path.dirname(current)
    if (parent === current || (limit !== undefined && (current === path.resolve(limit) || !isInside(limit, parent)))) break
    current = parent
  }
  return limit ?? path.resolve(startDir)
}

/**
 * How far up an opened content folder's images may come from: its parent when the folder is a site's `content/`
 * (so `static/` is reachable), else the folder itself.
 */
export async function siteLimitFor(contentRoot: string): Promise<string> {
  if (path.basename(contentRoot) !== 'content') return contentRoot
  const parent = path.dirname(contentRoot)
  for (const name of hugoConfigNames) if (await exists(path.join(parent, name))) return parent
  return contentRoot
}

/** An image file read for inlining. */
export interface InlineImage {
  mimeType: string
  bytes: Uint8Array
}

/**
 * Reads the local image a URL in an article names: site-absolute (`/img/x.png`) from `<site>/static`, relative from
 * the article's folder (page bundles). Refuses (INVALID_PATH) anything whose real path leaves the site root, and
 * UNSUPPORTED for other types than PNG, JPEG, GIF, WebP, AVIF and SVG (inlined after sanitizing, into <img> only).
 */
export async function readLocalImage(url: string, articleDir: string, siteRoot: string): Promise<Result<InlineImage>> {
  let decoded: string
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? '')
  } catch (error) {
    if (error instanceof URIError) return fail('INVALID_PATH', `The image URL "${url}" is malformed.`)
    throw error
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return fail('INVALID_PATH', `The image URL "${url}" is not a local file.`)
  const target = decoded.startsWith('/') ? path.join(siteRoot, 'static', decoded) : path.resolve(articleDir, decoded)
  const mimeType = imageTypes[path.extname(target).toLowerCase()]
  if (mimeType === undefined) return fail('UNSUPPORTED', `The image "${url}" is not PNG, JPEG, GIF, WebP, AVIF or SVG.`)
  let realRoot: string
  try {
    realRoot = await fs.realpath(siteRoot)
  } catch (error) {
    return errnoToResult(error, 'read the image', url)
  }
  // NOTE: opened first, then proven to lie inside the site (openConfined), as the article store reads: a link
  // swapped in between a check and the read cannot lead the export to a file outside.
  const opened = await openConfined(nodeFs, realRoot, target, url, true)
  if (!opened.ok) {
    if (opened.error.code !== 'INVALID_PATH') return opened.error.code === 'NOT_FOUND' ? fail('NOT_FOUND', `The image "${url}" does not exist.`) : opened
    return fail('INVALID_PATH', /outside/.test(opened.error.message) ? `The image "${url}" lies outside the site.` : `The image "${url}" is not a file.`)
  }
  const { handle, stats } = opened.value
  try {
    if (stats.size > maxInlineImageBytes) return fail('TOO_LARGE', `The image "${url}" is larger than 20 MB.`)
    const bytes = await readAll(handle, stats.size, maxInlineImageBytes)
    if (bytes.byteLength > maxInlineImageBytes) return fail('TOO_LARGE', `The image "${url}" is larger than 20 MB.`)
    return ok({ mimeType, bytes })
  } catch (error) {
    return errnoToResult(error, 'read the image', url)
  } finally {
    // NOTE: closing a handle opened for reading cannot lose data.
    await handle.close().catch(() => undefined)
  }
}
