import { isSafeExternalUrl } from '@shared/external-url'

/**
 * What a click on a preview link does: open outside the app, scroll the preview to an anchor, open a link inside
 * the folder (relative or site-absolute: maybe another article), or nothing.
 */
export type LinkAction = { kind: 'external'; url: string } | { kind: 'anchor'; id: string } | { kind: 'local'; href: string } | { kind: 'ignore' }

/** Decides what following `href` means in the preview; only checked http(s) URLs leave, `#id` scrolls. */
export function linkAction(href: string | null): LinkAction {
  if (href === null) return { kind: 'ignore' }
  if (href.startsWith('#')) {
    let id: string
    try {
      id = decodeURIComponent(href.slice(1))
    } catch (error) {
      // NOTE: a malformed escape names no element; the click does nothing.
      if (error instanceof URIError) return { kind: 'ignore' }
      throw error
    }
    return id === '' ? { kind: 'ignore' } : { kind: 'anchor', id }
  }
  const isLocal = href !== '' && !href.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(href)
  if (isSafeExternalUrl(href)) return { kind: 'external', url: href }
  return isLocal ? { kind: 'local', href } : { kind: 'ignore' }
}

function linkOf(target: EventTarget | null): Element | null {
  // NOTE: instanceof fails across frames (each has its own Element), so check the shape instead. Links without an
  // href attribute count too: SVG <animate> can give them one that the attribute does not show.
  const node = target as { closest?: (selector: string) => Element | null } | null
  return typeof node?.closest === 'function' ? node.closest('a, area') : null
}

/**
 * Intercepts every link activation in the preview document so nothing navigates the app or the frame: external
 * http(s) links go to `openExternal`, `#anchor` links scroll the preview, links inside the folder go to `openLocal`
 * (which opens the article they name, if any), everything else is ignored. Returns the disposer.
 */
export function interceptPreviewLinks(doc: Document, openExternal: (url: string) => void, openLocal: (href: string) => void = () => undefined): () => void {
  const onClick = (event: MouseEvent): void => {
    const link = linkOf(event.target)
    if (link === null) return
    event.preventDefault()
    if (event.type !== 'click' || event.button !== 0) return
    const action = linkAction(link.getAttribute('href'))
    if (action.kind === 'external') openExternal(action.url)
    else if (action.kind === 'anchor') doc.getElementById(action.id)?.scrollIntoView({ block: 'start' })
    else if (action.kind === 'local') openLocal(action.href)
  }
  doc.addEventListener('click', onClick)
  doc.addEventListener('auxclick', onClick)
  return () => {
    doc.removeEventListener('click', onClick)
    doc.removeEventListener('auxclick', onClick)
  }
}
