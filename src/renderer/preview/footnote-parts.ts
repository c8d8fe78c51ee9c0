import type { DOMPurify } from 'dompurify'
import { sanitizeHtml, type SanitizeOptions } from '@shared/markdown/sanitize'
import type { UnitParts } from './preview-dom'

const footnoteList = '<ol class="footnotes-list">\n'
const footnoteItem = /(?=<li id="fn\d+" class="footnote-item">)/
/**
 * Footnotes sanitized and put on the page per step. NOTE: the page runs at least four steps per slice; at 16 items a
 * step a 1 MB article's first render held it for 20-30 ms of CPU per slice at load 27 (each item is one DOMPurify pass).
 */
const itemsPerPart = 4
// NOTE: a unit sanitized alone starts where the whole body would already be in <body>; a letter before it keeps the
// parser there (see sanitizePreviewUnit), and is taken off again.
const bodyMark = 'x'
/** Sanitized footnote items by their HTML, as the last complete list had them. */
let footnoteCache = new Map<string, string>()

/**
 * The footnote list (one block, often the longest of an article: thousands of items) as parts: the list's shell
 * sanitized at once, then its items sanitized a few per part as the page asks for them, reusing the items of the last
 * list that did not change. The same HTML as one pass, as the list is Markdown's own markup (the caller checks that
 * it holds no raw HTML). Null when `html` is not a footnote list. NOTE: a 1 MB article's list took one 570 ms task
 * to sanitize and parse when it was one step.
 */
export function footnoteListParts(html: string, purify: DOMPurify, options: SanitizeOptions): UnitParts | null {
  const open = html.indexOf(footnoteList)
  const close = html.lastIndexOf('</ol>')
  if (!html.startsWith('<hr class="footnotes-sep">') || open === -1 || close < open) return null
  const shell = sanitizeHtml(html.slice(0, open + footnoteList.length) + html.slice(close), purify, options)
  const at = shell.lastIndexOf('</ol>')
  if (at === -1) return null
  const items = html.slice(open + footnoteList.length, close).split(footnoteItem)
  const known = footnoteCache
  const cache = new Map<string, string>()
  const prefix = options.allowRemoteImages === true ? '1' : '0'
  let done = 0
  return {
    shell,
    into: 'ol.footnotes-list',
    at,
    next: () => {
      if (done >= items.length) return null
      const part = items.slice(done, done + itemsPerPart).map((item) => {
        const key = prefix + item
        const clean = known.get(key) ?? cache.get(key) ?? sanitizeHtml(bodyMark + item, purify, options).slice(bodyMark.length)
        cache.set(key, clean)
        return clean
      })
      done += itemsPerPart
      if (done >= items.length) footnoteCache = cache
      return part.join('')
    },
  }
}
