/** One Hugo shortcode tag such as `{{< figure src="a.png" >}}` or `{{% /note %}}`, parsed. */
export interface ShortcodeTag {
  name: string
  /** `<` for `{{< >}}` (inner passed raw), `%` for `{{% %}}` (inner is Markdown). */
  delimiter: '<' | '%'
  isClosing: boolean
  isSelfClosing: boolean
  positional: string[]
  named: Record<string, string>
  /** Index just after the closing `>}}` or `%}}`. */
  end: number
}

/** A tag, or an escaped tag (`{{</*` ... `*&#47;>}}` in Hugo) that Hugo prints literally, as `{{< x >}}`. */
export type ShortcodeMatch = { kind: 'tag'; tag: ShortcodeTag } | { kind: 'escaped'; text: string; end: number }

const NAME = /[\p{L}\p{N}_./-]/u

function skipSpace(src: string, i: number, max: number): number {
  while (i < max && /\s/.test(src[i] ?? '')) i++
  return i
}

/** Reads one argument value at i: "quoted" (backslash escapes), `raw`, or bare; null when unterminated. */
function readValue(src: string, i: number, max: number, close: string): { value: string; end: number } | null {
  const quote = src[i]
  if (quote === '"' || quote === '`') {
    let value = ''
    for (let j = i + 1; j < max; j++) {
      const c = src[j] ?? ''
      if (c === quote) return { value, end: j + 1 }
      if (c === '\\' && quote === '"' && j + 1 < max) {
        j++
        value += src[j] ?? ''
      } else value += c
    }
    return null
  }
  let j = i
  while (j < max && !/[\s=]/.test(src[j] ?? '') && !src.startsWith(close, j) && !src.startsWith('/' + close, j)) j++
  return j > i ? { value: src.slice(i, j), end: j } : null
}

function parseEscaped(src: string, from: number, max: number, delimiter: string, close: string): ShortcodeMatch | null {
  let at = src.indexOf('*/', from)
  while (at !== -1 && at < max) {
    const after = skipSpace(src, at + 2, max)
    if (src.startsWith(close, after)) {
      return { kind: 'escaped', text: `{{${delimiter}${src.slice(from, at)}${close}`, end: after + 3 }
    }
    at = src.indexOf('*/', at + 2)
  }
  return null
}

/** Parses the shortcode tag starting exactly at `pos`, not reading past `max`; null when there is none. */
export function parseShortcodeAt(src: string, pos: number, max: number = src.length): ShortcodeMatch | null {
  const delimiter = src[pos + 2]
  if (!src.startsWith('{{', pos) || (delimiter !== '<' && delimiter !== '%')) return null
  const close = (delimiter === '<' ? '>' : '%') + '}}'
  let i = skipSpace(src, pos + 3, max)
  if (src.startsWith('/*', i)) return parseEscaped(src, i + 2, max, delimiter, close)
  const isClosing = src[i] === '/'
  if (isClosing) i = skipSpace(src, i + 1, max)
  const nameStart = i
  while (i < max && NAME.test(src[i] ?? '')) i++
  const name = src.slice(nameStart, i)
  if (name === '' || name.startsWith('/')) return null
  const tag: ShortcodeTag = { name, delimiter, isClosing, isSelfClosing: false, positional: [], named: {}, end: 0 }
  for (;;) {
    const start = i
    i = skipSpace(src, i, max)
    if (i >= max) return null
    if (src.startsWith(close, i)) return { kind: 'tag', tag: { ...tag, end: i + 3 } }
    if (src.startsWith('/' + close, i)) return { kind: 'tag', tag: { ...tag, isSelfClosing: true, end: i + 4 } }
    if (i === start && tag.positional.length + Object.keys(tag.named).length > 0) return null
    const isQuoted = src[i] === '"' || src[i] === '`'
    const first = readValue(src, i, max, close)
    if (first === null) return null
    i = first.end
    if (src[i] === '=' && !isQuoted) {
      const value = readValue(src, i + 1, max, close)
      if (value === null) return null
      tag.named[first.value] = value.value
      i = value.end
    } else tag.positional.push(first.value)
  }
}

/** The value of a named argument, or of the positional one at `index` when the tag uses positions. */
export function shortcodeArg(tag: ShortcodeTag, name: string, index?: number): string | undefined {
  if (name in tag.named) return tag.named[name]
  return index === undefined ? undefined : tag.positional[index]
}

/** The arguments as Hugo would show them in a tag, for placeholders: `src="a.png" caption="x"`. */
export function formatShortcodeArgs(tag: ShortcodeTag): string {
  const show = (v: string): string => (/^[\w./:#-]+$/.test(v) ? v : JSON.stringify(v))
  const positional = tag.positional.map(show)
  const named = Object.entries(tag.named).map(([k, v]) => `${k}=${JSON.stringify(v)}`)
  return [...positional, ...named].join(' ')
}
