import type { ResolveUrl } from '@shared/markdown'

/** Where the preview loads assets from: `folio serve`'s `/asset/` route or Electron's `folio-asset://root/`. */
export interface AssetBase {
  /** Prefix to which the encoded path in the folder is appended (a same-origin path, so the sanitizer keeps it). */
  prefix: string
  /** The CSP source that allows it in img-src (`'self'`-like origin or a scheme). */
  cspSource: string
}

/** The asset channel's prefix in Electron (the custom scheme registered by main's asset protocol). */
export const electronAssetPrefix = 'folio-asset://root/'

/**
 * The asset base for browser mode (`browserPrefix`, this run's `/asset/<capability>/` on the page's origin; a srcdoc
 * frame resolves it against the page) or Electron (the custom scheme).
 */
export function assetBaseFor(isBrowserMode: boolean, pageOrigin: string, browserPrefix = '/asset/'): AssetBase {
  return isBrowserMode ? { prefix: browserPrefix, cspSource: pageOrigin } : { prefix: electronAssetPrefix, cspSource: 'folio-asset:' }
}

/** Normalizes `/`-separated segments (dropping `.` and resolving `..`); null when `..` climbs above the start. */
export function normalizeSegments(segments: string[]): string[] | null {
  const out: string[] = []
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(segment)
  }
  return out
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch (error) {
    // NOTE: a malformed escape in the Markdown leaves the URL unresolved rather than failing the render.
    if (error instanceof URIError) return null
    throw error
  }
}

/**
 * Maps a Markdown image URL (percent-encoded, as renderMarkdown passes it) to the asset channel: a relative URL
 * against the article's folder (page bundles), `/x` against `static/` (Hugo). Query and fragment are dropped.
 * Links and URLs that leave the folder are left alone (null).
 */
export function createAssetResolver(articlePath: string, base: AssetBase): ResolveUrl {
  const articleDir = articlePath.split('/').slice(0, -1)
  return (url, kind) => {
    if (kind !== 'image') return null
    const pathPart = url.split(/[?#]/, 1)[0] ?? ''
    if (pathPart === '') return null
    const isSiteAbsolute = pathPart.startsWith('/')
    const decoded = pathPart.split('/').map(decodeSegment)
    if (decoded.some((segment) => segment === null || segment.includes('\\'))) return null
    // NOTE: `/x` may not climb out of static/ (Hugo serves nothing above it); a relative URL may leave the bundle.
    const normalized = normalizeSegments(isSiteAbsolute ? (decoded as string[]) : [...articleDir, ...(decoded as string[])])
    if (normalized === null || normalized.length === 0) return null
    const segments = isSiteAbsolute ? ['static', ...normalized] : normalized
    return base.prefix + segments.map(encodeURIComponent).join('/')
  }
}
