// Finding an ASCII query term in an ASCII file's bytes, in any case, as TermScanner finds it in the file's text
// (issue #22): no string is made of the file. NOTE: for ASCII bytes and an ASCII term the answers are the same: each
// byte is one character, lower-casing moves none, CR and a BOM are no word characters (and a BOM is not ASCII).

/** The longest word the term index keeps (characters; see forEachTerm): a longer word is no match. */
export const maxWordLength = 64

/** True for an ASCII letter or digit (the ASCII word characters of forEachTerm). */
function isWordByte(b: number): boolean {
  return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
}

// NOTE: letters from the most to the least frequent in English text; digits count as rare. The pivot is the
// rarest byte of the term: its occurrences (both cases) are the only places the term can start from.
const byFrequency = 'etaoinshrdlcumwfgypbvkjxqz0123456789'

/** How many pivot occurrences are checked before the scan gives up and lets the caller lower-case the text instead. */
const maxPivotVisits = 24

/**
 * One lower-case ASCII term (letters and digits) looked for as a whole word (or, as the last query term, a word's
 * start) in ASCII bytes, case-insensitively. `find` answers true, false, or null when the term's rarest byte occurs
 * too often to check it cheaply (the caller then matches the text as a string).
 */
export class AsciiTermFinder {
  private readonly term: Buffer
  private readonly pivot: number
  private readonly pivotLower: number
  private readonly pivotUpper: number

  /** `term` must be lower-case ASCII letters and digits (see isAsciiTerm). */
  constructor(
    term: string,
    private readonly isPrefix: boolean,
  ) {
    this.term = Buffer.from(term, 'latin1')
    let pivot = 0
    for (let i = 1; i < term.length; i++) if (byFrequency.indexOf(term[i]) > byFrequency.indexOf(term[pivot])) pivot = i
    this.pivot = pivot
    this.pivotLower = this.term[pivot]
    this.pivotUpper = this.pivotLower >= 97 ? this.pivotLower - 32 : this.pivotLower
  }

  /** True when the term is a word (or word start) of `bytes`; null when undecided (see the class). */
  find(bytes: Uint8Array & { indexOf: Buffer['indexOf'] }): boolean | null {
    const { term } = this
    // NOTE: most matches are written in lower case: one native search finds them.
    for (let at = bytes.indexOf(term); at !== -1; at = bytes.indexOf(term, at + 1)) if (this.isWordAt(bytes, at)) return true
    let visits = 0
    for (const pivotByte of this.pivotUpper === this.pivotLower ? [this.pivotLower] : [this.pivotLower, this.pivotUpper]) {
      for (let p = bytes.indexOf(pivotByte, this.pivot); p !== -1; p = bytes.indexOf(pivotByte, p + 1)) {
        if (++visits > maxPivotVisits) return null
        const at = p - this.pivot
        if (this.isTermAt(bytes, at) && this.isWordAt(bytes, at)) return true
      }
    }
    return false
  }

  /** True when `bytes` hold the term at `at` in any case. */
  private isTermAt(bytes: Uint8Array, at: number): boolean {
    const { term } = this
    if (at + term.length > bytes.length) return false
    for (let i = 0; i < term.length; i++) {
      const b = bytes[at + i]
      const t = term[i]
      if (b !== t && !(t >= 97 && b === t - 32)) return false
    }
    return true
  }

  /** True when the term found at `at` is a whole word there (or starts one, for a prefix) of at most 64 characters. */
  private isWordAt(bytes: Uint8Array, at: number): boolean {
    if (at > 0 && isWordByte(bytes[at - 1])) return false
    let end = at + this.term.length
    if (!this.isPrefix && end < bytes.length && isWordByte(bytes[end])) return false
    // NOTE: the index skips words longer than 64 characters, so a match inside one is no match.
    while (end < bytes.length && isWordByte(bytes[end])) end++
    return end - at <= maxWordLength
  }
}

/** True when `term` is lower-case ASCII letters and digits only (what AsciiTermFinder takes). */
export function isAsciiTerm(term: string): boolean {
  return /^[a-z0-9]+$/.test(term)
}
