import type { DOMPurify } from 'dompurify'
import { sanitizeHtml, type SanitizeOptions } from './sanitize'

/** A random name for this run's separators, so no text an author wrote can stand for one. */
function randomName(): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const separator = `<hr data-folio-apart="${randomName()}">`

/**
 * Sanitizes `pieces` in ONE DOMPurify pass (each pass builds a document, so a thousand small pieces cost a thousand
 * documents) and answers each piece's sanitized HTML, in order. The pieces go in with a separator element between
 * them (named by a random value, so no author's text can forge one) and the result is cut at the separators. Null
 * when they do not all come back, in order, where they went (a piece that swallows what follows, as an unclosed
 * `<!--` does): the caller then sanitizes each piece alone. Meant for pieces the HTML parser reads the same alone as
 * in the sequence (Markdown's own closed blocks); for them the answer equals sanitizing each piece alone.
 */
export function sanitizeApart(pieces: readonly string[], purify: DOMPurify, options: SanitizeOptions = {}): string[] | null {
  if (pieces.length === 0) return []
  if (pieces.length === 1) return [sanitizeHtml(pieces[0] ?? '', purify, options)]
  const parts = sanitizeHtml(pieces.join(separator), purify, options).split(separator)
  return parts.length === pieces.length ? parts : null
}
