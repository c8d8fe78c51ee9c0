import type { MarkdownIt, StateCore, Token } from 'markdown-it'
import { envOf } from './env'

const ATTRIBUTE_BLOCK = /[ \t]*\{([^{}]*)\}[ \t]*$/
const ATTRIBUTE = /^(?:#[\w:-]+|\.[\w-]+|[\w-]+=(?:"[^"]*"|\S+))$/

/**
 * Hugo's default (`autoHeadingIDType: github`) anchor for a heading's text: trimmed, `-` and space become `-`,
 * letters (any script) lowercased, digits and `_` kept, everything else dropped; empty becomes `heading`.
 */
export function hugoAnchorName(text: string): string {
  let id = ''
  for (const ch of text.trim()) {
    if (ch === '-' || ch === ' ') id += '-'
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) id += ch.toLowerCase()
  }
  return id === '' ? 'heading' : id
}

/** Reserves `base` on the page, or the first free `base-1`, `base-2`, ... as Hugo's id factory does. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base
  for (let i = 1; taken.has(id); i++) id = `${base}-${i}`
  taken.add(id)
  return id
}

/**
 * The text Goldmark feeds its id generator: the raw source of the heading's LAST line (markup included, so
 * `[a](b.md)` yields `ab.md`), without a trailing attribute block.
 */
function sourceTextOf(inline: Token, hasAttributes: boolean): string {
  const last = inline.content.split('\n').at(-1) ?? ''
  return hasAttributes ? last.replace(ATTRIBUTE_BLOCK, '') : last
}

/** Takes a trailing `{#id .class}` (Goldmark's heading attributes) off the heading text; null when there is none. */
function takeAttributes(inline: Token): { id?: string; classes: string[] } | null {
  const last = inline.children?.at(-1)
  if (last?.type !== 'text') return null
  const match = ATTRIBUTE_BLOCK.exec(last.content)
  const parts = match?.[1]?.trim().split(/\s+/) ?? []
  if (!match || parts.length === 0 || !parts.every((p) => ATTRIBUTE.test(p))) return null
  last.content = last.content.slice(0, match.index)
  const id = parts.filter((p) => p.startsWith('#')).at(-1)?.slice(1)
  return { ...(id ? { id } : {}), classes: parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1)) }
}

function assignIds(state: StateCore): void {
  const taken = envOf(state.env).headingIds
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]
    const inline = tokens[i + 1]
    if (open?.type !== 'heading_open' || inline?.type !== 'inline') continue
    const attributes = takeAttributes(inline)
    if (attributes?.classes.length) open.attrJoin('class', attributes.classes.join(' '))
    if (attributes?.id !== undefined) {
      taken.add(attributes.id)
      open.attrSet('id', attributes.id)
    } else {
      open.attrSet('id', uniqueId(hugoAnchorName(sourceTextOf(inline, attributes !== null)), taken))
    }
  }
}

/** A markdown-it plugin giving every heading an id the way Hugo's Goldmark does (from the heading's source line). */
export function headingIdPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'hugo_heading_ids', assignIds)
}
