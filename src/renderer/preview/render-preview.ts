import DOMPurify, { type DOMPurify as Purifier } from 'dompurify'
import type { EditorState } from '@codemirror/state'
import { entriesOfFields, type HugoSiteRules } from '@shared/hugo'
import { renderHeader, renderMarkdown, sanitizeHtml, sanitizeRendered, type HeaderOptions } from '@shared/markdown'
import type { SanitizeOptions } from '@shared/markdown/sanitize'
import type { UnitData } from '@shared/markdown/preview-model'
import type { ParsedFrontMatter } from '@shared/front-matter/types'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import { footnoteListParts, isFootnoteList } from './footnote-parts'
import { sanitizeApart } from '@shared/markdown/sanitize-apart'
import { joinParts, type UnitParts } from './dom-unit'

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

type PreviewOptions = Omit<HeaderOptions, 'now' | 'hugo'> & { rules?: HugoSiteRules }

/** Where the body starts: its text and the lines of the file before it (the front-matter block). */
export function previewBodyOf(state: EditorState): { body: string; lineOffset: number } {
  const bodyFrom = frontMatterOf(state).block?.to ?? 0
  return { body: state.doc.sliceString(bodyFrom), lineOffset: state.doc.lineAt(bodyFrom).number - 1 }
}

/** The header from the front matter (raw, sanitize it before showing it); '' while the front matter has errors. */
export function previewHeaderHtml(state: EditorState, options: PreviewOptions = {}): string {
  const { isPageBundle, rules, ...policy } = options
  const parsed = frontMatterOf(state)
  if (parsed.errors.length > 0) return ''
  const text = parsed.block === null ? '' : state.doc.sliceString(0, parsed.block.to)
  const hugo = { entries: entriesOfFields(text, parsed.fields), format: parsed.format === 'none' ? 'yaml' : parsed.format, rules } as const
  return renderHeader(parsed.data, { ...policy, isPageBundle, hugo })
}

/**
 * The sanitized header of an article's preview, remade only when its front matter's parse (a new one per edit of
 * the block), the article or the site rules changed: typing in the body reuses the last one.
 */
export function createHeaderCache(): (state: EditorState, path: string, options: () => PreviewOptions, sanitizeOptions: SanitizeOptions) => string {
  let last: { parsed: ParsedFrontMatter; path: string; key: string; html: string } | null = null
  return (state, path, options, sanitizeOptions) => {
    const parsed = frontMatterOf(state)
    const policy = options()
    const key = JSON.stringify([policy.allowRemoteImages === true, sanitizeOptions.allowRemoteImages === true, policy.isPageBundle === true, policy.rules ?? null])
    if (last?.parsed === parsed && last.path === path && last.key === key) return last.html
    const html = sanitizePreviewHeader(previewHeaderHtml(state, policy), sanitizeOptions)
    last = { parsed, path, key, html }
    return html
  }
}

/** The preview's DOMPurify (created on first use). */
function previewPurifier(): Purifier {
  purifier ??= createPreviewPurifier()
  return purifier
}

/** A header's HTML sanitized with the preview's rules. */
export function sanitizePreviewHeader(html: string, options: SanitizeOptions = {}): string {
  return html === '' ? '' : sanitizeHtml(html, previewPurifier(), options)
}

/**
 * A body unit's HTML sanitized with the preview's rules, with the notices of sanitizeRendered where markup was lost;
 * a footnote list comes as parts (see footnoteListParts), which the page sanitizes and adds a few at a time.
 */
export function sanitizePreviewUnitParts(unit: UnitData, options: SanitizeOptions = {}): string | UnitParts {
  const footnotes = unit.blocks.length === 1 && unit.blocks[0]?.raw === '' ? footnoteListParts(unit.blocks[0].html, previewPurifier(), options) : null
  if (footnotes !== null) return footnotes
  // NOTE: a unit read alone starts where the whole body would already be in <body>: a leading <script> and the
  // newline after it would go to <head> and vanish. A letter before it keeps the parser in the body, as the
  // header and the units before it do in a full render; it is taken off again.
  const html = sanitizeRendered(bodyMark, { html: unit.blocks.map((block) => block.html).join(''), blocks: unit.blocks }, previewPurifier(), options)
  return html.startsWith(bodyMark) ? html.slice(bodyMark.length) : html
}

/** True for a unit of Markdown's own markup (no raw HTML, not the footnote list): closed blocks, parsed alike alone or together. */
export function isPlainUnit(unit: UnitData): boolean {
  return unit.blocks.every((block) => block.raw === '') && !(unit.blocks.length === 1 && isFootnoteList(unit.blocks[0]?.html ?? ''))
}

const sourceLine = /data-source-line="(\d+)"/g
/** True when every source line marked in `html` is still marked in `clean`. */
function keepsLines(html: string, clean: string): boolean {
  const kept = new Set(Array.from(clean.matchAll(sourceLine), (m) => m[1]))
  for (const m of html.matchAll(sourceLine)) if (!kept.has(m[1])) return false
  return true
}

/**
 * Body units sanitized as sanitizePreviewUnitParts sanitizes each alone, but the plain ones (see isPlainUnit) in one
 * DOMPurify pass (sanitizeApart): a 1 MB article has ~9,000 units, and each pass builds a document. A plain unit
 * whose marked lines did not all come back, and every other unit, goes alone (with its notices).
 */
export function sanitizePreviewUnits(units: readonly UnitData[], options: SanitizeOptions = {}): (string | UnitParts)[] {
  const plain = units.filter(isPlainUnit)
  const htmlOf = (unit: UnitData): string => unit.blocks.map((block) => block.html).join('')
  const clean = plain.length > 1 ? sanitizeApart(plain.map(htmlOf), previewPurifier(), options) : null
  let at = 0
  return units.map((unit) => {
    if (clean === null || !isPlainUnit(unit)) return sanitizePreviewUnitParts(unit, options)
    const html = clean[at++]
    return html !== undefined && keepsLines(htmlOf(unit), html) ? html : sanitizePreviewUnitParts(unit, options)
  })
}

/** A body unit's sanitized HTML in one string (sanitizePreviewUnitParts with its parts joined). */
export function sanitizePreviewUnit(unit: UnitData, options: SanitizeOptions = {}): string {
  const html = sanitizePreviewUnitParts(unit, options)
  return typeof html === 'string' ? html : joinParts(html)
}

const bodyMark = 'x'

/**
 * The preview HTML of a document in one pass: a header from the front matter, then the body rendered as Markdown,
 * sanitised with DOMPurify. The body's line offset lets rendered blocks point back at source lines. The same URL
 * policy (asset resolution, remote images) goes to the header, the body and the sanitizer; `isPageBundle` to the
 * header. The live preview renders the same in units (PreviewModel, PreviewDom); this is the reference.
 */
export function renderPreviewHtml(state: EditorState, options: PreviewOptions = {}): string {
  const { allowRemoteImages, resolveUrl } = options
  const header = previewHeaderHtml(state, options)
  const { body, lineOffset } = previewBodyOf(state)
  const rendered = renderMarkdown(body, { allowRemoteImages, lineOffset, ...(resolveUrl ? { resolveUrl } : {}) })
  return sanitizeRendered(header, rendered, previewPurifier(), { allowRemoteImages: allowRemoteImages === true })
}
