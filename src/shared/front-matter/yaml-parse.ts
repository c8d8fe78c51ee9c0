import { isMap, isScalar, type Node } from 'yaml'
import type { FieldInfo, FrontMatterBlock, FrontMatterValue } from './types'
import { tooDeepMessage } from './budget'
import { unclosedBracket, unclosedMessage } from './brackets'
import { kindOf } from './values'
import { scanPlainYaml } from './yaml-fast'
import { parseYamlDocument, yamlBinaryProblem, yamlToPlain, yamlWarnings, type RawProblem } from './yaml-read'

/** What a format parser reports; offsets are into the whole text. */
export interface BlockParse {
  data: Record<string, FrontMatterValue>
  fields: FieldInfo[]
  errors: RawProblem[]
  warnings: RawProblem[]
}

// NOTE: what gopkg.in/yaml.v2 (Hugo's YAML reader) refuses anywhere in a stream, quoted or not: C0 controls but tab,
// LF and CR, DEL, C1 controls but NEL, and U+FFFE/U+FFFF. The yaml library reads most of them inside quotes.
// eslint-disable-next-line no-control-regex
export const yamlRefusedChar = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/

/**
 * Parses a YAML block: plain data, top-level fields with ranges, errors and warnings. A plain, clean block (see
 * scanPlainYaml) is read by the fast scanner, which gives the same data and fields and has no YAML warnings; any
 * other block goes through the full parser (parseYamlBlockFully).
 */
export function parseYamlBlock(text: string, block: FrontMatterBlock, withDetails = true): BlockParse {
  const entries = scanPlainYaml(text, block.contentFrom, block.contentTo)
  if (entries === null) return parseYamlBlockFully(text, block, withDetails)
  const data: Record<string, FrontMatterValue> = {}
  const fields: FieldInfo[] = []
  for (const e of entries) {
    const value = e.value ?? null
    // NOTE: a plain assignment is safe: the scanner refuses a `__proto__` key.
    data[e.key] = value
    if (withDetails) fields.push({ key: e.key, value, kind: kindOf(value), entryFrom: e.keyFrom, entryTo: e.entryTo, valueFrom: e.valueFrom, valueTo: e.valueTo })
  }
  return { data, fields, errors: [], warnings: [] }
}

/** parseYamlBlock without the fast scanner: the yaml library's document, with every error and warning. */
export function parseYamlBlockFully(text: string, block: FrontMatterBlock, withDetails = true): BlockParse {
  const base = block.contentFrom
  const source = text.slice(base, block.contentTo)
  const control = yamlRefusedChar.exec(source)
  if (control !== null) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
    return { data: {}, fields: [], errors: [{ offset: base + control.index, message: `the control character U+${code} is not allowed in YAML front matter; Hugo refuses the file; remove it` }], warnings: [] }
  }
  const doc = parseYamlDocument(source)
  const shift = (p: RawProblem): RawProblem => ({ offset: p.offset + base, message: p.message })
  const empty: BlockParse = { data: {}, fields: [], errors: [], warnings: [] }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => shift(positioned(source, e.code, e.message, e.pos[0])))
    // NOTE: one mistake often cascades into several errors on one line; the first per line says what is wrong.
    empty.errors = problems.filter((p, i) => !problems.slice(0, i).some((q) => sameLine(text, q.offset, p.offset)))
    return empty
  }
  const root = doc.contents as Node | null
  if (root === null || (isScalar(root) && root.value === null)) return empty
  if (!isMap(root)) {
    empty.errors = [shift({ offset: root.range?.[0] ?? 0, message: 'front matter must be a mapping of keys to values' })]
    return empty
  }
  const refused = yamlBinaryProblem(doc, source)
  if (refused !== null) return { ...empty, errors: [shift(refused)] }
  const plain = yamlToPlain(doc, root)
  if ('problem' in plain) return { ...empty, errors: [shift(plain.problem)] }
  const data = plain.value as Record<string, FrontMatterValue>
  if (!withDetails) return { ...empty, data }
  const fields: FieldInfo[] = []
  const names = root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
  const lastAt = new Map<string, number>()
  names.forEach((name, i) => lastAt.set(name, i))
  for (const [i, pair] of root.items.entries()) {
    const key = pair.key as Node
    const value = pair.value as Node | null
    const name = names[i] ?? ''
    // NOTE: of duplicate keys only the last, the one Hugo reads, is a field (the earlier ones get a warning).
    if (lastAt.get(name) !== i) continue
    const keyRange = key.range ?? [0, 0, 0]
    const valueFrom = value?.range ? value.range[0] : keyRange[1]
    const valueTo = value?.range ? trimEnd(source, value.range[0], value.range[1]) : keyRange[1]
    const fieldValue = data[name] ?? null
    fields.push({
      key: name,
      value: fieldValue,
      kind: kindOf(fieldValue),
      entryFrom: base + keyRange[0],
      entryTo: base + lineContentEnd(source, Math.max(valueTo, keyRange[1])),
      valueFrom: base + valueFrom,
      valueTo: base + valueTo,
    })
  }
  return { data, fields, errors: [], warnings: yamlWarnings(doc, source).map(shift) }
}

function sameLine(text: string, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a]
  return !text.slice(lo, hi).includes('\n')
}

function describe(code: string, message: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'a value holds ": " or is indented like a nested mapping; quote the value or fix the indentation'
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed as indentation in YAML; indent with spaces'
  // NOTE: the library reports a stack overflow while composing deeply nested collections under this code.
  if (code === 'RESOURCE_EXHAUSTION') return tooDeepMessage()
  return firstLine(message)
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}

/** The error at the fault's line: an unclosed bracket where it opens, a wrongly indented line at that line. */
function positioned(source: string, code: string, message: string, pos: number): RawProblem {
  if (/must be sufficiently indented and end with a [\]}]$/.test(message.split('\n')[0] ?? '')) {
    const bracket = unclosedBracket(source, pos, 'yaml')
    if (bracket !== -1) return { offset: bracket, message: unclosedMessage(source, bracket) }
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const lineEnd = source.indexOf('\n', pos)
    const rest = source.slice(pos, lineEnd === -1 ? source.length : lineEnd)
    // NOTE: without a second ": " on the value's line, the fault is the more indented line below it.
    const below = lineEnd === -1 ? null : /^[ \t]*\S/m.exec(source.slice(lineEnd + 1))
    if (!/:(?:\s|$)/.test(rest) && below !== null) {
      return { offset: lineEnd + 1 + below.index + below[0].length - 1, message: 'this line is indented more than the key above it, as if it were nested; indent it like the other keys, or nest it under a key that ends with ":"' }
    }
  }
  return { offset: errorOffset(source, message, pos), message: describe(code, message) }
}

// NOTE: for an unclosed quote the library points at the end of the block; the writer needs the line where it opens.
function errorOffset(source: string, message: string, pos: number): number {
  if (!message.startsWith('Missing closing')) return pos
  const quote = /^[ \t]*(?:-[ \t]+)?(?:[^\s#'"][^:]*:[ \t]+)?(['"])/gm
  let found = -1
  for (let m = quote.exec(source); m && m.index < pos; m = quote.exec(source)) {
    const q = m[1] ?? '"'
    const at = m.index + m[0].length - 1
    const lineEnd = source.indexOf('\n', at)
    const rest = source.slice(at + 1, lineEnd === -1 ? source.length : lineEnd)
    if (!rest.includes(q)) found = at
  }
  return found === -1 ? pos : found
}

/** End of the line's content (before its line break) for the line holding the last character before `end`. */
export function lineContentEnd(source: string, end: number): number {
  let e = end
  if (e > 0 && source[e - 1] === '\n') e--
  let i = source.indexOf('\n', e)
  if (i === -1) i = source.length
  return i > 0 && source[i - 1] === '\r' ? i - 1 : i
}

function trimEnd(source: string, from: number, to: number): number {
  let e = to
  while (e > from && /\s/.test(source[e - 1] ?? '')) e--
  return e
}
