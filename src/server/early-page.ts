/**
 * The reader's locale from an Accept-Language header (its first tag, which Chromium also gives as
 * navigator.language), so the served dates and counts read as the page's own Intl will write them; undefined
 * when there is none or it is not a valid tag.
 */
export function requestLocale(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim()
  if (first === undefined || first === '' || first === '*') return undefined
  try {
    return Intl.getCanonicalLocales(first)[0]
  } catch (error) {
    // NOTE: a malformed tag is the client's mistake, not a bug: the host's own locale then.
    if (error instanceof RangeError) return undefined
    throw error
  }
}
