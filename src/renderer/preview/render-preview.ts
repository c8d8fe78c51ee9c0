import DOMPurify from 'dompurify'
import type { EditorState } from '@codemirror/state'
import { renderHeader, renderMarkdown, sanitizeHtml, type UrlPolicy } from '@shared/markdown'
import { frontMatterOf } from '../editor/extensions/front-matter-state'

/**
 * The preview HTML of a document: a header from the front matter, then the body rendered as Markdown, sanitised
 * with DOMPurify. The body's line offset lets rendered blocks point back at source lines. The same URL policy
 * (asset resolution, remote images) goes to the header, the body and the sanitizer.
 */
export function renderPreviewHtml(state: EditorState, policy: UrlPolicy = {}): string {
  const parsed = frontMatterOf(state)
  const bodyFrom = parsed.block?.to ?? 0
  const body = state.doc.sliceString(bodyFrom)
  const lineOffset = state.doc.lineAt(bodyFrom).number - 1
  const header = parsed.errors.length === 0 ? renderHeader(parsed.data, policy) : ''
  const { html } = renderMarkdown(body, { ...policy, lineOffset })
  return sanitizeHtml(header + html, DOMPurify, { allowRemoteImages: policy.allowRemoteImages === true })
}
