import { isChunk } from './preview-chunks'

/**
 * Gives their box back to images that failed to load while their chunk was skipped, when the chunk is shown again;
 * returns the unsubscribe. NOTE: Chromium (seen in 14x) drops the box of an image whose load fails while an ancestor
 * with `content-visibility: auto` is skipped: the image was laid out as a picture still loading, the failure should
 * rebuild it as the broken-image icon with its alt text, and that rebuild is lost in the skipped subtree. Shown
 * again, the image had no box at all (no icon, no alt text: content silently gone), until something rebuilt it.
 * A 404 that comes back after the writer scrolled past its chunk does it (tests/e2e/preview.spec.ts).
 */
export function restoreBrokenImages(doc: Document): () => void {
  const onStateChange = (event: Event): void => {
    const target = event.target
    if (!('skipped' in event) || event.skipped !== false || !isChunk(target as Node | null)) return
    for (const image of [...(target as HTMLElement).getElementsByTagName('img')]) if (isBroken(image) && image.getClientRects().length === 0) rebuildBox(image)
  }
  // NOTE: the event does not bubble; a listener in the capture phase on the document hears it for every chunk.
  doc.addEventListener('contentvisibilityautostatechange', onStateChange, true)
  return () => doc.removeEventListener('contentvisibilityautostatechange', onStateChange, true)
}

/** True when `image` has a source and finished without a picture (failed, or not an image). */
function isBroken(image: HTMLImageElement): boolean {
  return image.complete && image.naturalWidth === 0 && (image.getAttribute('src') ?? '') !== ''
}

/** Makes the browser build `image`'s box afresh: out of the layout tree for one style pass, then as it was. */
function rebuildBox(image: HTMLImageElement): void {
  const hadStyle = image.hasAttribute('style')
  const display = image.style.getPropertyValue('display')
  const priority = image.style.getPropertyPriority('display')
  image.style.setProperty('display', 'none', 'important')
  // NOTE: reading its boxes brings style and the layout tree up to date with the image out of it.
  void image.getClientRects()
  if (display === '') image.style.removeProperty('display')
  else image.style.setProperty('display', display, priority)
  if (!hadStyle) image.removeAttribute('style')
}
