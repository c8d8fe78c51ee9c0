import { maxWordLength } from './ascii-term-find'
import { forEachTerm } from './term-index'

/** True for a character forEachTerm counts as part of a word. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
  return !(c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x206f) || c === 0x85)
}

/**
 * A matcher that answers, for one text at a time, what TermIndex.match answers for a document of the same parts:
 * every query term is a word of some part, the last one the start of a word. It finds each term with indexOf in the
 * lower-cased text and checks the word boundaries, so a file is read once and no word list is made.
 * NOTE: a text whose lower-casing is not character for character (a length change, or a Greek capital sigma, which
 * lower-cases by context) is split into words the index's way instead, so the answer is the same in every case.
 */
export class TermScanner {
  constructor(private readonly terms: readonly string[]) {}

  /** True when the document made of `parts` (e.g. its path and its text) holds every term. */
  matches(...parts: string[]): boolean {
    const { terms } = this
    if (terms.length === 0) return false
    const lowered = parts.map(lowerInPlace)
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]
      const isPrefix = t === terms.length - 1
      if (term.length > maxWordLength) return false
      let found = false
      for (let p = 0; p < parts.length && !found; p++) {
        const lower = lowered[p]
        found = lower === null ? hasWord(parts[p], term, isPrefix) : hasTermAt(parts[p], lower, term, isPrefix)
      }
      if (!found) return false
    }
    return true
  }

  /** True when term `t` (by its place in the query) is a word of `text` (the last term: a word's start), as matches judges it. */
  hasTermIn(t: number, text: string): boolean {
    const term = this.terms[t]
    if (term === undefined || term.length > maxWordLength) return false
    const isPrefix = t === this.terms.length - 1
    const lower = lowerInPlace(text)
    return lower === null ? hasWord(text, term, isPrefix) : hasTermAt(text, lower, term, isPrefix)
  }
}

/** `text` lower-cased when that keeps every character in its place; else null. */
function lowerInPlace(text: string): string | null {
  const lower = text.toLowerCase()
  if (lower.length !== text.length || text.includes('\u03a3')) return null
  return lower
}

/** True when `lower` (the lower-cased `text`) holds `term` as a whole indexed word (or a word's start). */
function hasTermAt(text: string, lower: string, term: string, isPrefix: boolean): boolean {
  for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue
    let end = at + term.length
    if (!isPrefix && end < text.length && isWordChar(text.charCodeAt(end))) continue
    // NOTE: the index skips words longer than 64 characters, so a match inside one is no match.
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++
    if (end - at <= maxWordLength) return true
  }
  return false
}

/** The index's own splitting, for texts whose lower-casing moves characters. */
function hasWord(text: string, term: string, isPrefix: boolean): boolean {
  let found = false
  forEachTerm(text, (word) => {
    if (!found && (isPrefix ? word.startsWith(term) : word === term)) found = true
  })
  return found
}
