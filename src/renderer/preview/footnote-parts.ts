import type { DOMPurify } from 'dompurify'
import { sanitizeHtml, type SanitizeOptions } from '@shared/markdown/sanitize'
import { sanitizeApart } from '@shared/markdown/sanitize-apart'
import type { UnitParts } from './dom-unit'

const footnoteList = '<ol class="footnotes-list">\n'
const footnoteItem = /(?=<li id="fn\d+" class="footnote-item">)/
// NOTE: a unit sanitized alone starts where the whole body would already be in <body>; a letter before it keeps the
// parser there (see sanitizePreviewUnit), and is taken off again.
const bodyMark = 'x'
/** Sanitized footnote items by their HTML, as the last complete list had them. */
let footnoteCache = new Map<string, string>()

/** True when `html` is a rendered footnote list (markdown-it-footnote's section). */
export function isFootnoteList(html: string): boolean {
  return html.startsWith('<hr class="footnotes-sep">')
}

/**
 * The footnote list (one block, often the longest of an article: thousands of items) as parts: the list's shell
 * sanitized at once, then its items sanitized as the page asks for them (about `maxChars` characters of items per
 * part, at least one item; the page sizes parts by its time budget), the new ones of a part in one DOMPurify pass,
 * reusing the items of the last list that did not change. The same HTML as one pass, as the list is Markdown's own
 * markup (the caller checks that it holds no raw HTML). Null when `html` is not a footnote list. NOTE: a 1 MB
 * article's list took one 570 ms task to sanitize and parse when it was one step.
 */
export function footnoteListParts(html: string, purify: DOMPurify, options: SanitizeOptions): UnitParts | null {
  const open = html.indexOf(footnoteList)
  const close = html.lastIndexOf('</ol>')
  if (!isFootnoteList(html) || open === -1 || close < open) return null
  const shell = sanitizeHtml(html.slice(0, open + footnoteList.length) + html.slice(close), purify, options)
  const at = shell.lastIndexOf('</ol>')
  if (at === -1) return null
  const items = html.slice(open + footnoteList.length, close).split(footnoteItem)
  const known = footnoteCache
  const cache = new Map<string, string>()
  const prefix = options.allowRemoteImages === true ? '1' : '0'
  const alone = (item: string): string => sanitizeHtml(bodyMark + item, purify, options).slice(bodyMark.length)
  let done = 0
  return {
    shell,
    into: 'ol.footnotes-list',
    at,
    next: (maxChars) => {
      if (done >= items.length) return null
      let end = done + 1
      for (let chars = items[done]?.length ?? 0; end < items.length && chars + (items[end]?.length ?? 0) <= maxChars; end++) chars += items[end]?.length ?? 0
      const part = items.slice(done, end)
      const keys = part.map((item) => prefix + item)
      const missing = part.filter((_item, i) => !known.has(keys[i] ?? '') && !cache.has(keys[i] ?? ''))
      // NOTE: the items are Markdown's closed <li> blocks, so one pass gives each item's HTML as a pass of its own.
      const marked = sanitizeApart(missing.map((item, i) => (i === 0 ? bodyMark + item : item)), purify, options)
      const fresh = marked?.map((item, i) => (i === 0 ? item.slice(bodyMark.length) : item)) ?? missing.map(alone)
      missing.forEach((item, i) => cache.set(prefix + item, fresh[i] ?? alone(item)))
      const clean = keys.map((key) => {
        const value = known.get(key) ?? cache.get(key) ?? ''
        cache.set(key, value)
        return value
      })
      done = end
      if (done >= items.length) footnoteCache = cache
      return clean.join('')
    },
  }
}
