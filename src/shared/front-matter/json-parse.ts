import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser'
import type { FieldInfo, FrontMatterBlock, FrontMatterValue } from './types'
import { kindOf } from './values'
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
  if (first) return { ...empty, errors: [{ offset: base + first.offset, message: describe(first) }] }
  if (!tree || tree.type !== 'object') return { ...empty, errors: [{ offset: base, message: 'front matter must be a JSON object' }] }
  const duplicate = findDuplicate(tree)
  if (duplicate) return { ...empty, errors: [{ offset: base + duplicate.offset, message: `duplicate key "${String(duplicate.value)}"` }] }
  const data = JSON.parse(JSON.stringify(getNodeValue(tree))) as Record<string, FrontMatterValue>
  if (!withDetails) return { ...empty, data }
  const fields: FieldInfo[] = []
  for (const prop of tree.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? []
    if (!keyNode || !valueNode) continue
    const key = String(keyNode.value)
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
  return { data, fields, errors: [], warnings: caseWarnings(fields) }
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

function findDuplicate(node: JsonNode): JsonNode | null {
  if (node.type === 'object') {
    const seen = new Set<string>()
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0]
      if (!key) continue
      const name = String(key.value)
      if (seen.has(name)) return key
      seen.add(name)
    }
  }
  for (const child of node.children ?? []) {
    const found = findDuplicate(child)
    if (found) return found
  }
  return null
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
