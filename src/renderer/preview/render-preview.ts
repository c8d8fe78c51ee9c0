import DOMPurify, { type DOMPurify as Purifier } from 'dompurify'
import type { EditorState } from '@codemirror/state'
import { entriesOfFields, type HugoSiteRules } from '@shared/hugo'
import { renderHeader, renderMarkdown, sanitizeRendered, type HeaderOptions } from '@shared/markdown'
import { frontMatterOf } from '../editor/extensions/front-matter-state'

const assetAttributes = new Set(['src', 'poster'])
/** An Electron asset URL as createAssetResolver writes it: the prefix, then percent-encoded segments only. */
const assetUrl = /^folio-asset:\/\/root\/[A-Za-z0-9%._~!$&'()*+,;=:@/-]*$/

/**
 * The preview's own DOMPurify instance: the shared sanitizer's rules plus one exception, `src`/`poster` URLs of the
 * Electron asset scheme (which DOMPurify drops as an unknown protocol). NOTE: a private instance, so the hook never
 * reaches other users of the window's DOMPurify.
 */
function createPreviewPurifier(): Purifier {
  const purify = DOMPurify(window)
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (assetAttributes.has(data.attrName) && assetUrl.test(data.attrValue)) data.forceKeepAttr = true
  })
  return purify
}

let purifier: Purifier | null = null

/**
 * The preview HTML of a document: a header from the front matter, then the body rendered as Markdown, sanitised
 * with DOMPurify. The body's line offset lets rendered blocks point back at source lines. The same URL policy
 * (asset resolution, remote images) goes to the header, the body and the sanitizer; `isPageBundle` to the header.
 */
export function renderPreviewHtml(state: EditorState, options: Omit<HeaderOptions, 'now' | 'hugo'> & { rules?: HugoSiteRules } = {}): string {
  const { isPageBundle, rules, ...policy } = options
  const parsed = frontMatterOf(state)
  const bodyFrom = parsed.block?.to ?? 0
  const body = state.doc.sliceString(bodyFrom)
  const lineOffset = state.doc.lineAt(bodyFrom).number - 1
  const text = parsed.block === null ? '' : state.doc.sliceString(0, parsed.block.to)
  const hugo = { entries: entriesOfFields(text, parsed.fields), format: parsed.format === 'none' ? 'yaml' : parsed.format, rules } as const
  const header = parsed.errors.length === 0 ? renderHeader(parsed.data, { ...policy, isPageBundle, hugo }) : ''
  const rendered = renderMarkdown(body, { ...policy, lineOffset })
  purifier ??= createPreviewPurifier()
  return sanitizeRendered(header, rendered, purifier, { allowRemoteImages: policy.allowRemoteImages === true })
}
