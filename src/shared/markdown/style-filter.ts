/**
 * Inline styles a writer may use in raw HTML: a short list of layout and text properties. Anything that could
 * fetch (url(), image-set(), @import), run (expression()) or hide a fetch behind CSS escapes (`\75 rl(`, `u\rl(`)
 * or comments is dropped. NOTE: a regular expression over the raw text cannot see through escapes; this keeps only
 * declarations whose value is made of characters that cannot form one, so there is nothing to unescape.
 */
const allowedProperties = new Set([
  'color', 'background-color', 'opacity',
  'text-align', 'text-decoration', 'text-transform', 'text-indent', 'vertical-align', 'white-space', 'word-break', 'direction',
  'font-weight', 'font-style', 'font-size', 'font-variant', 'line-height', 'letter-spacing', 'word-spacing',
  'width', 'height', 'max-width', 'max-height', 'min-width', 'min-height',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style', 'border-width',
  'border-radius', 'border-collapse', 'border-spacing',
  'float', 'clear', 'display', 'list-style-type', 'table-layout', 'object-fit', 'aspect-ratio',
])

// NOTE: words, numbers with units, #hex colours, commas, slashes (aspect-ratio), and the colour functions whose
// arguments are numbers; no backslash, quote, colon, semicolon, comment or other function can appear.
const valuePart = String.raw`(?:[a-zA-Z0-9#.%+-]+|,|/(?!\*)|(?:rgb|rgba|hsl|hsla)\([0-9.,%\s/+-]*\))`
const safeValue = new RegExp(`^${valuePart}(?:\\s+${valuePart}|\\s*,\\s*${valuePart})*(?:\\s*!important)?$`)
const propertyName = /^[a-zA-Z-]+$/

/**
 * The allowed declarations of a `style` attribute's text, normalised (`name: value; ...`); an empty string when
 * none is allowed (the caller then removes the attribute).
 */
export function filterStyle(style: string): string {
  // NOTE: a backslash anywhere may be an escape, a comment may hide one: such an attribute is dropped whole, as
  // splitting it on ";" could cut inside an escaped or quoted part.
  if (style.includes('\\') || style.includes('/*') || /["']/.test(style)) return ''
  const kept: string[] = []
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon === -1) continue
    const name = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration.slice(colon + 1).trim()
    if (!propertyName.test(name) || !allowedProperties.has(name) || !safeValue.test(value)) continue
    kept.push(`${name}: ${value}`)
  }
  return kept.join('; ')
}

/** SVG attributes that take a paint or resource reference (`url(...)`); only a local `url(#id)` is kept. */
export const svgReferenceAttributes = ['fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'cursor'] as const

const localReference = /^\s*url\(\s*#[A-Za-z0-9_-]+\s*\)\s*$/

/** True when an SVG reference attribute's value fetches nothing: no escape, and `url()` only to `#id` in the document. */
export function isSafeSvgReference(value: string): boolean {
  if (value.includes('\\')) return false
  return !/url\s*\(|image-set|expression/i.test(value) || localReference.test(value)
}
