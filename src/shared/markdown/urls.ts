/** What a URL is used for: an image source or a link target. */
export type UrlKind = 'image' | 'link'

/**
 * Maps a relative or site-absolute URL (as written, after Markdown percent-encoding) to one the host serves;
 * `null` leaves the URL as it is.
 */
export type ResolveUrl = (url: string, kind: UrlKind) => string | null

/** The URL options shared by the Markdown and header renderers. */
export interface UrlPolicy {
  resolveUrl?: ResolveUrl
  allowRemoteImages?: boolean
}

/** The outcome of applying the policy to one URL. */
export type UrlDecision =
  | { kind: 'keep'; url: string }
  | { kind: 'unsafe' }
  | { kind: 'remote-blocked'; url: string }

const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/
const SCHEME = /^([a-z][a-z0-9+.-]*):/
const BLOCKED_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file'])

/** Lowercases and drops what browsers ignore inside a URL (whitespace and control characters), for scheme checks. */
function normalizeForCheck(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase()
}

/** The URL's scheme in lowercase (`https`, `mailto`), or null when it has none (relative, `/x`, `#x`, `//host`). */
export function schemeOf(url: string): string | null {
  const match = SCHEME.exec(normalizeForCheck(url))
  return match ? (match[1] ?? null) : null
}

/** True for URLs that would make the browser fetch from the network: http(s) and protocol-relative `//host`. */
export function isRemoteUrl(url: string): boolean {
  const n = normalizeForCheck(url)
  return n.startsWith('//') || n.startsWith('\\\\') || n.startsWith('/\\') || n.startsWith('http:') || n.startsWith('https:')
}

/**
 * False for URLs that can run script or smuggle content: `javascript:`, `vbscript:`, `file:`, and `data:` except
 * raster images (png, gif, jpeg, webp) used as images.
 */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
  const scheme = schemeOf(url)
  if (scheme === null || !BLOCKED_SCHEMES.has(scheme)) return true
  return scheme === 'data' && kind === 'image' && SAFE_DATA_IMAGE.test(normalizeForCheck(url))
}

/**
 * Applies the scheme check, resolution and the remote-image rule to one URL, in that order. What `resolveUrl`
 * returns is trusted to be served by the host, but is still scheme-checked; hosts should return same-origin paths
 * or a custom scheme, because `sanitizeHtml` treats http(s) images as remote.
 */
export function decideUrl(url: string, kind: UrlKind, policy: UrlPolicy): UrlDecision {
  if (!isSafeUrl(url, kind)) return { kind: 'unsafe' }
  const isLocal = schemeOf(url) === null && !isRemoteUrl(url) && !url.startsWith('#') && url !== ''
  if (isLocal && policy.resolveUrl) {
    const resolved = policy.resolveUrl(url, kind)
    if (resolved !== null) return isSafeUrl(resolved, kind) ? { kind: 'keep', url: resolved } : { kind: 'unsafe' }
  }
  if (kind === 'image' && isRemoteUrl(url) && policy.allowRemoteImages !== true) return { kind: 'remote-blocked', url }
  return { kind: 'keep', url }
}
