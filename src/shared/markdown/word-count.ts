/**
 * The one word count of an article body, used by the folder index (list, sort) and the editor's status bar, so the
 * two never disagree. A word is a run of non-space characters holding at least one letter or digit (so Markdown
 * marks such as `#`, `-`, `>`, `|` or a fence's backticks are not words); each Han, kana or Hangul character counts
 * as a word of its own, as Hugo counts CJK text; shortcode tags (`{{< … >}}`, `{{% … %}}`) are not words, the text
 * between an opening and a closing tag is.
 */
export function countWords(text: string, from = 0, to = text.length): number {
  let count = 0
  let inWord = false
  let hasLetter = false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 123 /* { */ && text.charCodeAt(i + 1) === 123) {
      const end = shortcodeEnd(text, i, to)
      if (end !== -1) {
        if (inWord && hasLetter) count++
        inWord = false
        hasLetter = false
        i = end - 1
        continue
      }
    }
    if (isSpace(c)) {
      if (inWord && hasLetter) count++
      inWord = false
      hasLetter = false
      continue
    }
    if (c >= 0x1100 && isCjk(c)) {
      if (inWord && hasLetter) count++
      count++
      inWord = false
      hasLetter = false
      continue
    }
    inWord = true
    if (!hasLetter && isLetterOrDigit(c)) hasLetter = true
  }
  if (inWord && hasLetter) count++
  return count
}

/**
 * countWords(text, from) in pieces of about `size` characters, each ending after the first newline of a blank line
 * (a word never spans a line break, a shortcode tag never spans a blank line): the pieces sum to the whole count.
 * Lets a long article be counted a slice at a time.
 */
export function* wordCountPieces(text: string, from = 0, size = 65_536): Generator<number, void, undefined> {
  for (let at = from; at < text.length; ) {
    const blank = text.indexOf('\n\n', at + size)
    const to = blank === -1 ? text.length : blank + 1
    yield countWords(text, at, to)
    at = to
  }
}

/** Hugo's reading time: whole minutes at 213 words a minute (500 for CJK-heavy text), at least 1 for any text. */
export function readingMinutes(words: number, isCjk = false): number {
  if (words === 0) return 0
  return Math.max(1, Math.round(words / (isCjk ? 500 : 213)))
}

function isSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
}

function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)
  // NOTE: outside ASCII, anything but general punctuation and symbols counts (letters of every script, accents).
  return !(c >= 0x2010 && c <= 0x2bff) && c !== 0xab && c !== 0xbb && c !== 0xb7 && c !== 0xa7
}

/** Han (incl. extension A and compatibility), Hiragana, Katakana, Hangul syllables and Jamo. */
function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x1100 && c <= 0x11ff)
  )
}

/** Where the shortcode tag starting at `at` (`{{<` or `{{%`) ends (after `>}}` / `%}}`), or -1 when it is not one. */
export function shortcodeEnd(text: string, at: number, to = text.length): number {
  let i = at + 2
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++
  const open = text.charCodeAt(i)
  if (open !== 60 /* < */ && open !== 37 /* % */) return -1
  const closer = open === 60 ? 62 /* > */ : 37
  // NOTE: a tag never spans a blank line nor thousands of characters; the bound keeps stray `{{<` marks linear.
  const limit = Math.min(to, i + maxTagLength)
  for (let j = i + 1; j + 2 < limit + 1; j++) {
    const c = text.charCodeAt(j)
    if (c === 10 && text.charCodeAt(j + 1) === 10) return -1
    if (c === closer && text.charCodeAt(j + 1) === 125 && text.charCodeAt(j + 2) === 125) return j + 3 <= to ? j + 3 : -1
  }
  return -1
}

const maxTagLength = 4096
