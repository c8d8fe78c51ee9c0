import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The header that carries the session token on every API call. NOTE: never a cookie: browsers send cookies to every
 * port of 127.0.0.1, so another local user's server would receive it. The page holds the token (from the printed
 * URL) and sends it itself; nothing another port can observe authenticates.
 */
export const tokenHeader = 'x-folio-token'

/** A fresh random secret: 32 bytes, hex (the session token and the asset capability). */
export function createToken(): string {
  return randomBytes(32).toString('hex')
}

/** Compares two tokens in constant time; false for anything that is not a non-empty string. */
export function tokensEqual(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** True when the request carries the session token in the X-Folio-Token header (cookies are ignored). */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[tokenHeader]
  return tokensEqual(token, typeof header === 'string' ? header : undefined)
}

/** True when Host is exactly `127.0.0.1:PORT` or `localhost:PORT` (refuses DNS rebinding). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** True when Origin is the server itself (refuses cross-site requests). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/**
 * Headers sent on every response. NOTE: img-src allows http(s) because the preview's srcdoc frame inherits this
 * policy and "Load remote images" must work; the frame's own CSP and the sanitizer keep them out until then.
 * NOTE: Cross-Origin-Opener-Policy: a page that opened Folio's tab, or one Folio's tab opened, keeps no handle on it:
 * it cannot navigate the editor away to a look-alike (tab-nabbing) or count its frames and time it (cross-site leaks),
 * even where a link slipped past the preview's noopener. Its price, measured (bench/app.bench.mjs): Chromium starts
 * a new renderer process for the tab at navigation, about 130 ms of the first rows on the CI machine's Chromium.
 */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; connect-src 'self'; frame-src 'none'; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
