import { parseDocument, Scalar } from 'yaml'
import type { FrontMatterValue } from './types'
import { hasControlChar } from './values'

/** How a scalar is written: the style of the value it replaces, or the document's habit for new values. */
export type ScalarStyle = 'plain' | 'double' | 'single' | 'literal' | 'folded'

/** Layout choices for rendering a new YAML value. */
export interface YamlLayout {
  style: ScalarStyle
  /** Columns of a block sequence's `-` beyond its key's column (0 or 2 in practice). */
  seqIndent: number
  /** Columns a nested mapping adds. */
  mapIndent: number
  eol: string
  /** Write every string double-quoted and collections in flow style: the fallback when styled output does not read back. */
  isSafe?: boolean
}

/** The style of an existing scalar node. */
export function styleOf(node: Scalar): ScalarStyle {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return 'double'
    case Scalar.QUOTE_SINGLE:
      return 'single'
    case Scalar.BLOCK_LITERAL:
      return 'literal'
    case Scalar.BLOCK_FOLDED:
      return 'folded'
    default:
      return 'plain'
  }
}

const yaml11Words = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i

/** True when `s` can be written unquoted and reads back as exactly this string (in block or flow context). */
export function isPlainSafe(s: string, isFlow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s) || yaml11Words.test(s) || /^[-+]?0[0-9_]+$/.test(s)) return false
  if (isFlow && /[,[\]{}]/.test(s)) return false
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false
  const doc = parseDocument(isFlow ? `[${s}]` : `x: ${s}\n`)
  if (doc.errors.length > 0) return false
  const js: unknown = doc.toJS()
  return isFlow ? Array.isArray(js) && js.length === 1 && js[0] === s : (js as { x?: unknown } | null)?.x === s
}

/** A double-quoted YAML string (JSON's escapes are all valid YAML escapes). */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s)
}

/** Renders a string in `style` at `indent` columns (used by block scalars); falls back to double quotes where the style cannot hold it. */
export function renderString(s: string, style: ScalarStyle, isFlow: boolean, indent: number, eol: string): string {
  if (style === 'plain' && isPlainSafe(s, isFlow)) return s
  if (style === 'single' && !hasControlChar(s)) return `'${s.replace(/'/g, "''")}'`
  if ((style === 'literal' || style === 'folded') && !isFlow) {
    const block = renderBlockScalar(s, style, indent, eol)
    if (block !== null) return block
  }
  return doubleQuoted(s)
}

function renderBlockScalar(s: string, style: 'literal' | 'folded', indent: number, eol: string): string | null {
  const body = s.replace(/\n+$/, '')
  const trailing = s.length - body.length
  if (body === '' || /^[ \t]/.test(body) || hasControlChar(body, '\n\t')) return null
  if (style === 'folded' && body.includes('\n')) return renderBlockScalar(s, 'literal', indent, eol)
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+'
  const pad = ' '.repeat(indent)
  const lines = (body + '\n'.repeat(Math.max(0, trailing - 1))).split('\n').map((l) => (l === '' ? '' : pad + l))
  return `${style === 'literal' ? '|' : '>'}${chomp}${eol}${lines.join(eol)}${eol}`
}

/** Renders any non-collection value. */
export function renderScalarValue(value: Exclude<FrontMatterValue, object> , style: ScalarStyle, isFlow: boolean, indent: number, eol: string): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan'
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf'
    return String(value)
  }
  return renderString(value, style, isFlow, indent, eol)
}

/** A flow rendering (`[a, b]`, `{ k: v }`) of any value; `isSpaced` writes `[ a, b ]`. */
export function renderFlow(value: FrontMatterValue, style: ScalarStyle, isSpaced: boolean, itemStyles: ScalarStyle[] = []): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((v, i) => renderFlow(v, itemStyles[i] ?? style, isSpaced))
    return isSpaced ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${renderKey(k, true)}: ${renderFlow(v, style, isSpaced)}`)
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  }
  return renderScalarValue(value, style === 'literal' || style === 'folded' ? 'double' : style, true, 0, '\n')
}

/** A mapping key: plain when safe, else double-quoted. */
export function renderKey(key: string, isFlow: boolean, style: ScalarStyle = 'plain'): string {
  if (style === 'single') return `'${key.replace(/'/g, "''")}'`
  if (style === 'double' || !isPlainSafe(key, isFlow) || /^[-?:&*!|>'"%@`#]/.test(key)) return doubleQuoted(key)
  return key
}

/**
 * Renders `value` as the value part after `key:` in block context: returns the text starting right after the colon
 * (` scalar`, or a line break and indented lines for a non-empty list or mapping). `indent` is the key's column.
 */
export function renderBlockValue(value: FrontMatterValue, indent: number, layout: YamlLayout): string {
  if (layout.isSafe) return ' ' + renderFlow(value, 'double', false)
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []'
    const pad = ' '.repeat(indent + layout.seqIndent)
    return value.map((item) => layout.eol + pad + '-' + renderItem(item, indent + layout.seqIndent + 2, layout)).join('')
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return ' {}'
    const pad = ' '.repeat(indent + layout.mapIndent)
    return entries.map(([k, v]) => layout.eol + pad + renderKey(k, false) + ':' + renderBlockValue(v, indent + layout.mapIndent, layout)).join('')
  }
  return ' ' + renderScalarValue(value, layout.style, false, indent + layout.mapIndent, layout.eol)
}

/** A block-sequence item after its `-`: scalars and lists inline, a mapping as `- k: v` lines at `indent`. */
export function renderItem(value: FrontMatterValue, indent: number, layout: YamlLayout): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    const pad = ' '.repeat(indent)
    return ' ' + Object.entries(value).map(([k, v], i) => (i === 0 ? '' : layout.eol + pad) + renderKey(k, false) + ':' + renderBlockValue(v, indent, layout)).join('')
  }
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) return ' ' + renderFlow(value, layout.style, false)
  return ' ' + renderScalarValue(value, layout.style, false, indent, layout.eol)
}
