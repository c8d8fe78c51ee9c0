import type { DOMPurify } from 'dompurify'
import { escapeHtml } from './escape'
import type { RenderedMarkdown } from './render'
import { sanitizeHtml, type SanitizeOptions } from './sanitize'

const sourceLine = /data-source-line="(\d+)"/g

function linesIn(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(sourceLine), (m) => m[1] ?? ''))
}

// NOTE: Markdown's raw HTML blocks that open with one of these run until the matching closer, or to the end of
// the body when it is missing: everything after, Markdown included, is then script, style or comment text.
const rawOpeners: [RegExp, RegExp][] = [
  [/^\s*<script[\s>]/i, /<\/script>/i],
  [/^\s*<style[\s>]/i, /<\/style>/i],
  [/^\s*<!--/, /-->/],
  [/^\s*<\?/, /\?>/],
  [/^\s*<!\[CDATA\[/, /\]\]>/],
]

/** True when a raw HTML block opens script, style, a comment or the like and never closes it. */
function isUnclosedRawBlock(html: string): boolean {
  return rawOpeners.some(([opener, closer]) => opener.test(html) && !closer.test(html))
}

/** The visible notice put where markup swallowed what followed it. */
export function unsafePartNotice(line: number): string {
  return `<p class="sanitize-notice" role="note">${escapeHtml(`Part of this article could not be shown safely (line ${line}).`)}</p>\n`
}

/**
 * Sanitizes a rendered body (after `header`, already HTML) without ever losing content silently. NOTE: raw HTML
 * such as an unclosed `<noscript>`, `<template>` or `<!--` makes the HTML parser swallow every later block, which the
 * sanitizer then drops with it. When a block that was rendered is missing from the result, each block is
 * sanitized alone instead, and a notice naming the line of the block that swallowed the rest takes its place.
 */
export function sanitizeRendered(header: string, rendered: RenderedMarkdown, purify: DOMPurify, options: SanitizeOptions = {}): string {
  const whole = sanitizeHtml(header + rendered.html, purify, options)
  const kept = linesIn(whole)
  const firstLost = rendered.blocks.findIndex((block) => [...linesIn(block.html)].some((line) => !kept.has(line)))
  if (firstLost === -1) {
    const last = rendered.blocks.at(-1)
    return last !== undefined && isUnclosedRawBlock(last.html) ? whole + unsafePartNotice(last.line) : whole
  }
  const parts = [sanitizeHtml(header, purify, options)]
  for (const [i, block] of rendered.blocks.entries()) {
    const clean = sanitizeHtml(block.html, purify, options)
    const isLossy = [...linesIn(block.html)].some((line) => !linesIn(clean).has(line))
    // NOTE: the block before the first lost one is where the swallowing markup opened (it may hold no line mark).
    parts.push(clean)
    if (isLossy || i === firstLost - 1) parts.push(unsafePartNotice(block.line))
  }
  return parts.join('')
}
