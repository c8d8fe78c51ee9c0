/**
 * Article texts that attack the front-matter parsers, shared by the unit tests and the `folio serve` integration
 * test so both check the same inputs.
 */

/** The classic "billion laughs": 503 bytes of YAML whose aliases expand to 9^9 (387 million) strings. */
export const aliasBomb = [
  '---',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'title: Bomb',
  '---',
  'The body.',
  '',
].join('\n')

/** A front matter with `count` keys, each an alias of one anchored scalar (quadratic to resolve the naive way). */
export function manyAliases(count: number): string {
  const lines = ['---', 'title: Many aliases', 'base: &x 1']
  for (let i = 0; i < count; i++) lines.push(`k${i}: *x`)
  lines.push('---', 'Body.', '')
  return lines.join('\n')
}

/** A front matter with `count` distinct keys (the library's own unique-key check is quadratic). */
export function manyKeys(count: number): string {
  const lines = ['---', 'title: Many keys']
  for (let i = 0; i < count; i++) lines.push(`k${i}: ${i}`)
  lines.push('---', 'Body.', '')
  return lines.join('\n')
}
