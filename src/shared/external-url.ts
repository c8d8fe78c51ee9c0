/** The longest URL handed to the system browser. */
export const maxExternalUrlLength = 4096

/**
 * True for URLs that may be opened outside the app: absolute http(s) with a host, no user name or password, no
 * whitespace or control characters, at most maxExternalUrlLength characters. Everything else is refused.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxExternalUrlLength) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return false
  if (!/^https?:\/\//i.test(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch (error) {
    // NOTE: an unparsable URL is simply not safe to open.
    if (error instanceof TypeError) return false
    throw error
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === ''
}
