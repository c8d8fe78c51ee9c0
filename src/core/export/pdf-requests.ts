/**
 * The request rule of every PDF renderer: the printed document may load only `data:` URLs (export inlines images
 * as data) and the document itself. NOTE: anything else, a `file:` path outside the folder above all, would end up
 * in the PDF, or tell a remote server that the file was printed.
 */
export function isAllowedPdfRequest(url: string, documents: ReadonlySet<string>): boolean {
  if (/^data:/i.test(url)) return true
  const normalized = documentKey(url)
  return normalized !== null && documents.has(normalized)
}

/** The form a document URL is compared in (parsed, without fragment); null when it is not a URL. */
export function documentKey(url: string): string | null {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    // NOTE: what does not parse as a URL is refused by the caller.
    return null
  }
}
