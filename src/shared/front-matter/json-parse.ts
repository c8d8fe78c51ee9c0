import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser'
import { unclosedBracket, unclosedMessage } from './brackets'
import type { FieldInfo, FrontMatterBlock, FrontMatterValue } from './types'
import { duplicateMessage, kindOf } from './values'
import type { BlockParse } from './yaml-parse'
import type { RawProblem } from './yaml-read'

/** Parses Hugo's JSON front matter (strict JSON: no comments, no trailing commas, unique keys) with ranges. */
export function parseJsonBlock(text: string, block: FrontMatterBlock, withDetails = true): BlockParse {
  const base = block.contentFrom
  const source = text.slice(base, block.contentTo)
  const empty: BlockParse = { data: {}, fields: [], errors: [], warnings: [] }
  const parseErrors: ParseError[] = []
  const tree = parseTree(source, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = parseErrors[0]
  if (first) {
    // NOTE: a comma expected where a key's ":" stands means a list or object above was never closed: say so there.
    const bracket = printParseErrorCode(first.error) === 'CommaExpected' && source[first.offset] === ':' ? unclosedBracket(source, first.offset, 'none') : -1
    if (bracket !== -1) return { ...empty, errors: [{ offset: base + bracket, message: unclosedMessage(source, bracket) }] }
    const control = printParseErrorCode(first.error) === 'InvalidCharacter' ? controlCharAfter(source, first.offset) : -1
    if (control !== -1) {
      const code = source.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')
      return { ...empty, errors: [{ offset: base + control, message: `the control character U+${code} is not allowed in a JSON string; write it as \\u${code} or remove it` }] }
    }
    return { ...empty, errors: [{ offset: base + first.offset, message: describe(first) }] }
  }
  if (!tree || tree.type !== 'object') return { ...empty, errors: [{ offset: base, message: 'front matter must be a JSON object' }] }
  const overflow = firstOverflow(tree)
  if (overflow !== null) return { ...empty, errors: [{ offset: base + overflow.offset, message: `${source.slice(overflow.offset, overflow.offset + overflow.length)} is beyond what a 64-bit float holds; Hugo refuses the file` }] }
  // NOTE: Hugo (Go's encoding/json) keeps the last of duplicate keys and builds; so does getNodeValue. A warning, not an error.
  const duplicates = findDuplicates(tree).map((k) => ({ offset: base + k.offset, message: duplicateMessage(String(k.value)) }))
  const data = JSON.parse(JSON.stringify(getNodeValue(tree))) as Record<string, FrontMatterValue>
  if (!withDetails) return { ...empty, data }
  const fields: FieldInfo[] = []
  const props = tree.children ?? []
  const lastAt = new Map<unknown, number>()
  props.forEach((prop, i) => lastAt.set(prop.children?.[0]?.value, i))
  for (const [i, prop] of props.entries()) {
    const [keyNode, valueNode] = prop.children ?? []
    if (!keyNode || !valueNode) continue
    const key = String(keyNode.value)
    // NOTE: of duplicate keys only the last, the one that counts, is a field.
    if (lastAt.get(keyNode.value) !== i) continue
    const value = data[key] ?? null
    fields.push({
      key,
      value,
      kind: kindOf(value),
      entryFrom: base + prop.offset,
      entryTo: base + prop.offset + prop.length,
      valueFrom: base + valueNode.offset,
      valueTo: base + valueNode.offset + valueNode.length,
    })
  }
  return { data, fields, errors: [], warnings: [...duplicates, ...caseWarnings(fields)].sort((a, b) => a.offset - b.offset) }
}


function describe(error: ParseError): string {
  const names: Record<string, string> = {
    PropertyNameExpected: 'a property name was expected (trailing comma?)',
    ValueExpected: 'a value was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing "}" was expected',
    ColonExpected: 'a ":" was expected',
    UnexpectedEndOfString: 'a string is not closed',
  }
  const code = printParseErrorCode(error.error)
  return names[code] ?? `invalid JSON (${code})`
}

/** The first control character on the line from `from` (what jsonc-parser's InvalidCharacter is about), or -1. */
function controlCharAfter(source: string, from: number): number {
  for (let i = from; i < source.length && source[i] !== '\n'; i++) if (source.charCodeAt(i) < 0x20 && source[i] !== '\t' && source[i] !== '\r') return i
  return -1
}

/** The first number too large for a double (Go's encoding/json refuses it; JSON.parse would give Infinity), or null. */
function firstOverflow(node: JsonNode): JsonNode | null {
  if (node.type === 'number') return Number.isFinite(node.value) ? null : node
  for (const child of node.children ?? []) {
    const found = firstOverflow(child)
    if (found !== null) return found
  }
  return null
}

/** Keys of objects (at any depth) that a later key of the same object repeats. */
function findDuplicates(node: JsonNode): JsonNode[] {
  const out: JsonNode[] = []
  if (node.type === 'object') {
    const props = node.children ?? []
    const lastAt = new Map<unknown, number>()
    props.forEach((prop, i) => lastAt.set(prop.children?.[0]?.value, i))
    props.forEach((prop, i) => {
      const key = prop.children?.[0]
      if (key && lastAt.get(key.value) !== i) out.push(key)
    })
  }
  for (const child of node.children ?? []) out.push(...findDuplicates(child))
  return out
}

function caseWarnings(fields: FieldInfo[]): RawProblem[] {
  const seen = new Map<string, string>()
  const out: RawProblem[] = []
  for (const f of fields) {
    const other = seen.get(f.key.toLowerCase())
    if (other !== undefined && other !== f.key) out.push({ offset: f.entryFrom, message: `keys "${other}" and "${f.key}" differ only in case` })
    seen.set(f.key.toLowerCase(), f.key)
  }
  return out
}
