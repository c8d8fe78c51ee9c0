import type { Config, DOMPurify } from 'dompurify'
import { filterStyle, isSafeSvgReference, svgReferenceAttributes } from './style-filter'
import { isRemoteUrl, isSafeUrl } from './urls'

/** Options for `sanitizeHtml`. */
export interface SanitizeOptions {
  /** Keep http(s) images in raw HTML; off by default, like `renderMarkdown`. */
  allowRemoteImages?: boolean
}

const CONFIG: Config = {
  FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'link', 'noscript', 'template'],
  FORBID_ATTR: ['srcdoc', 'action', 'formaction', 'ping', 'target'],
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
}

/** Attributes whose value the browser fetches as a resource (not navigation). */
const RESOURCE_ATTRS = ['src', 'poster', 'background', 'lowsrc', 'dynsrc']
const LINK_TAGS = new Set(['a', 'area'])

function checkResource(node: Element, attr: string, allowRemote: boolean): void {
  const value = node.getAttribute(attr)
  if (value === null) return
  if (!isSafeUrl(value, 'image')) node.removeAttribute(attr)
  else if (isRemoteUrl(value) && !allowRemote) {
    node.removeAttribute(attr)
    node.setAttribute('data-remote-src', value)
    node.classList.add('remote-image-blocked')
  }
}

function checkSrcset(node: Element, allowRemote: boolean): void {
  const value = node.getAttribute('srcset')
  if (value === null) return
  const urls = value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
  if (urls.some((url) => !isSafeUrl(url, 'image') || (isRemoteUrl(url) && !allowRemote))) node.removeAttribute('srcset')
}

function checkHref(node: Element): void {
  const tag = node.nodeName.toLowerCase()
  for (const attr of ['href', 'xlink:href']) {
    const value = node.getAttribute(attr)
    if (value === null) continue
    const isLink = LINK_TAGS.has(tag)
    if (!isSafeUrl(value, isLink ? 'link' : 'image') || (!isLink && isRemoteUrl(value))) node.removeAttribute(attr)
  }
  if (LINK_TAGS.has(tag) && node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer')
}

function checkStyle(node: Element): void {
  const style = node.getAttribute('style')
  if (style !== null) {
    const kept = filterStyle(style)
    if (kept === '') node.removeAttribute('style')
    else if (kept !== style) node.setAttribute('style', kept)
  }
  for (const attr of svgReferenceAttributes) {
    const value = node.getAttribute(attr)
    if (value !== null && !isSafeSvgReference(value)) node.removeAttribute(attr)
  }
}

/**
 * Sanitizes rendered HTML with the given DOMPurify instance (the window's in the app, one over jsdom in Node):
 * no script, event handlers, frames, forms, styles sheets or `javascript:`/`data:` URLs; links get
 * `rel="noopener noreferrer"`; remote resources are dropped unless allowed. Hooks only narrow DOMPurify's
 * defaults, and are removed again before returning, so a shared instance is left as it was found.
 */
export function sanitizeHtml(html: string, purify: DOMPurify, options: SanitizeOptions = {}): string {
  const allowRemote = options.allowRemoteImages === true
  const afterAttributes = (node: Element): void => {
    if (typeof node.getAttribute !== 'function') return
    for (const attr of RESOURCE_ATTRS) checkResource(node, attr, allowRemote)
    checkSrcset(node, allowRemote)
    checkHref(node)
    checkStyle(node)
  }
  purify.addHook('afterSanitizeAttributes', afterAttributes)
  try {
    return purify.sanitize(html, { ...CONFIG, RETURN_DOM: false, RETURN_DOM_FRAGMENT: false })
  } finally {
    purify.removeHook('afterSanitizeAttributes', afterAttributes)
  }
}
