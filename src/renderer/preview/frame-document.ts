import { previewFrameCss } from './frame-styles'

/** The id of the element the preview HTML goes into, inside the frame document. */
export const previewRootId = 'preview-root'

/** Theme variables copied from the app into the frame, so the preview follows light and dark mode. */
const themeVariables = [
  '--font-ui', '--font-mono', '--font-reading', '--text', '--editor-bg', '--muted', '--border', '--link', '--code', '--chip-bg',
  '--draft', '--draft-bg', '--danger', '--danger-bg', '--radius', '--selection',
]

/** What the frame's CSP allows images from. */
export interface FrameImagePolicy {
  /** The asset channel's CSP source (the page origin in browser mode, `folio-asset:` in Electron). */
  assetSource: string
  allowRemoteImages: boolean
}

/** The frame's CSP: nothing but inline styles and images from the asset channel, data: and (when allowed) the web. */
export function previewFrameCsp(policy: FrameImagePolicy): string {
  const img = [policy.assetSource, 'data:', ...(policy.allowRemoteImages ? ['https:', 'http:'] : [])].join(' ')
  return `default-src 'none'; img-src ${img}; media-src ${policy.assetSource}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`
}

/** The theme variables' current values in `from` (the app's root element), as a `:root { … }` rule. */
export function themeRule(from: Element | null): string {
  if (from === null || typeof getComputedStyle !== 'function') return ''
  const style = getComputedStyle(from)
  const declarations = themeVariables
    .map((name) => [name, style.getPropertyValue(name).trim()] as const)
    .filter(([, value]) => value !== '' && !/[<>{};]/.test(value))
    .map(([name, value]) => `${name}: ${value};`)
  return `:root { ${declarations.join(' ')} }`
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** The srcdoc of the preview frame: CSP meta first, the preview styles, an empty root for the rendered HTML. */
export function previewFrameDocument(policy: FrameImagePolicy, theme: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewFrameCsp(policy))}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${theme}\n${previewFrameCss}</style></head>` +
    `<body><main id="${previewRootId}" class="preview markdown-body"></main></body></html>`
  )
}

/**
 * The root element to render into, creating the frame's structure by DOM when the document lacks it (an
 * about:blank document before the srcdoc loads, or an environment without srcdoc). Null when the frame has no document.
 */
export function ensurePreviewRoot(frame: HTMLIFrameElement, theme: string): HTMLElement | null {
  const doc = frame.contentDocument
  if (!doc?.body) return null
  const existing = doc.getElementById(previewRootId)
  if (existing) return existing
  const style = doc.createElement('style')
  style.textContent = `${theme}\n${previewFrameCss}`
  doc.head.append(style)
  const root = doc.createElement('main')
  root.id = previewRootId
  root.className = 'preview markdown-body'
  doc.body.append(root)
  return root
}
