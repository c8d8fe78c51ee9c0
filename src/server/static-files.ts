import fs from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { errnoCode } from '../core/errno'
import { isInside } from '../core/path-rules'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

// NOTE: Vite names its build output `assets/<name>-<8-character content hash>.<ext>`: changed content gets a new
// name (and index.html, never cached, names the current files), so these may be cached for good.
const hashedAsset = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/

/**
 * The Cache-Control value for a static file of content type `type`: HTML is never stored, content-hashed build
 * assets (the entry chunk, lazy chunks, their CSS) are immutable, anything else is revalidated on each use.
 */
export function cacheControlFor(file: string, type: string): string {
  if (type.startsWith('text/html')) return 'no-store'
  return hashedAsset.test(file) ? 'max-age=31536000, immutable' : 'no-cache'
}

/**
 * The file under `rendererDir` (an absolute real path) that a URL path names, or null when it is outside,
 * malformed or missing. Decodes, resolves and realpaths before comparing with path.relative; `/` is index.html.
 */
export async function resolveStatic(rendererDir: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch (error) {
    // NOTE: malformed percent-encoding is a bad request, not a bug.
    if (error instanceof URIError) return null
    throw error
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const target = path.resolve(rendererDir, relative)
  if (!isInside(rendererDir, target) || target === rendererDir) return null
  try {
    const real = await fs.realpath(target)
    if (!isInside(rendererDir, real)) return null
    const stats = await fs.stat(real)
    return stats.isFile() ? real : null
  } catch (error) {
    if (errnoCode(error) !== undefined) return null
    throw error
  }
}

/** Sends a static file with its content type (HEAD: headers only); false when it could not be read. */
export async function sendStatic(res: ServerResponse, file: string, isHead: boolean): Promise<boolean> {
  let body: Buffer
  try {
    body = await fs.readFile(file)
  } catch (error) {
    if (errnoCode(error) !== undefined) return false
    throw error
  }
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.byteLength,
    'Cache-Control': cacheControlFor(file, type),
  })
  res.end(isHead ? undefined : body)
  return true
}
