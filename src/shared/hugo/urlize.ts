// NOTE: Hugo 0.111's paths.Sanitize, rule for rule (recorded against the binary in tests/fixtures/hugo-new): letters,
// digits, marks and `._#+~-@/\` stay; `%` stays before two hex digits; a run of white space becomes one hyphen unless
// next to a hyphen; anything else is dropped.
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u
const letterDigitMark = /^[\p{L}\p{Nd}\p{M}]$/u
const allowedPunctuation = new Set(['.', '/', '\\', '_', '#', '+', '~', '-', '@'])
const hex = /^[0-9a-fA-F]$/

function isAllowed(chars: string[], i: number): boolean {
  const c = chars[i]
  if (c === ' ') return false
  if (letterDigitMark.test(c) || allowedPunctuation.has(c)) return true
  return c === '%' && hex.test(chars[i + 1] ?? '') && hex.test(chars[i + 2] ?? '')
}

/** Hugo's path sanitizing (`paths.Sanitize`): what `urlize` does before lower-casing and URL escaping. */
export function hugoSanitize(text: string): string {
  const chars = [...text]
  const out: string[] = []
  let prependHyphen = false
  let wasHyphen = false
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i]
    if (isAllowed(chars, i)) {
      wasHyphen = c === '-'
      if (prependHyphen && !wasHyphen) out.push('-')
      prependHyphen = false
      out.push(c)
    } else if (out.length > 0 && !wasHyphen && goSpace.test(c)) {
      prependHyphen = true
    }
  }
  return out.join('')
}

/**
 * The key Hugo files a taxonomy term or a content path under: sanitized and lower-cased (`MakePathSanitized`), unicode
 * kept. `Hugo` and `hugo ` share one key, so they are one term. Empty when nothing usable is left.
 */
export function hugoPathKey(text: string): string {
  return hugoSanitize(text).toLowerCase()
}

// NOTE: Go's url.URL.String() escapes a path: unreserved characters and `$&+,/:;=@` stay, the rest is UTF-8 %XX.
// A `#` starts the fragment, which Go escapes the same way here except that it keeps `#`-free text as is.
const pathSafe = /^[A-Za-z0-9\-_.~$&+,/:;=@]$/

function escapePart(text: string): string {
  let out = ''
  for (const c of text) {
    if (pathSafe.test(c)) out += c
    else if (c === '%') out += '%' // NOTE: Sanitize keeps % only before two hex digits, which Go leaves escaped as is
    else for (const byte of new TextEncoder().encode(c)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** Hugo's `urlize` template function: `hugoPathKey` then URL-escaped (non-ASCII as %XX). */
export function urlize(text: string): string {
  const key = hugoPathKey(text)
  const hash = key.indexOf('#')
  // NOTE: Go's URL keeps `#fragment` and drops a bare trailing `#` (an empty fragment): `C#` becomes `c`.
  if (hash < 0) return escapePart(key)
  if (hash === key.length - 1) return escapePart(key.slice(0, hash))
  return escapePart(key.slice(0, hash)) + '#' + escapePart(key.slice(hash + 1))
}
