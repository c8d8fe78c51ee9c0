/**
 * A preview page's HTML without its chunk elements (preview-chunks.ts): where chunks end depends on the page's
 * history of patches, not on its article, so pages are compared without them.
 */
export function unchunked(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement
  for (const chunk of copy.querySelectorAll('folio-chunk')) chunk.replaceWith(...chunk.childNodes)
  return copy.innerHTML
}
