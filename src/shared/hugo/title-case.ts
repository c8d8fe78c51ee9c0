// NOTE: Hugo's default `title` (AP style, github.com/jdkato/prose): these words stay lower case unless first or last;
// every other word gets its first letter upper-cased and keeps the rest (`iPhone` -> `IPhone`), also after a hyphen.
const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'v', 'v.', 'via', 'vs', 'vs.'])

function capitalize(word: string): string {
  return word.replace(/(^|-)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/** Hugo's `title` template function with its default AP style (recorded against Hugo 0.111). */
export function hugoTitle(text: string): string {
  const parts = text.split(/(\s+)/)
  const wordIndexes = parts.flatMap((part, i) => (part.trim() === '' ? [] : [i]))
  const first = wordIndexes[0]
  const last = wordIndexes[wordIndexes.length - 1]
  return parts
    .map((part, i) => {
      if (part.trim() === '') return part
      if (i !== first && i !== last && smallWords.has(part.toLowerCase())) return part.toLowerCase()
      return capitalize(part)
    })
    .join('')
}
