import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The cookie that carries the session token after the first visit. NOTE: browsers share cookies across ports, so
 * the name includes the port; two `folio serve` runs in one browser keep separate sessions.
 */
export function tokenCookieName(port: number): string {
  return `folio_token_${port}`
}

/** The header a non-browser client may send instead of the cookie. */
export const tokenHeader = 'x-folio-token'

/** A fresh random session token: 32 bytes, hex. */
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

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** True when the request carries the session token (cookie or X-Folio-Token header). */
export function hasValidToken(req: IncomingMessage, token: string, port: number): boolean {
  const header = req.headers[tokenHeader]
  if (tokensEqual(token, typeof header === 'string' ? header : undefined)) return true
  return tokensEqual(token, readCookie(req.headers.cookie, tokenCookieName(port)))
}

/** True when Host is exactly `127.0.0.1:PORT` or `localhost:PORT` (refuses DNS rebinding). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** True when Origin is the server itself (refuses cross-site requests). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/** The Set-Cookie value that stores the token for the session. */
export function tokenCookieHeader(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

/**
 * Headers sent on every response. NOTE: img-src allows http(s) because the preview's srcdoc frame inherits this
 * policy and "Load remote images" must work; the frame's own CSP and the sanitizer keep them out until then.
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
