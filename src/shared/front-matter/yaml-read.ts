import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Alias, type Node } from 'yaml'
import { frontMatterBudget, tooDeepMessage } from './budget'
import { duplicateMessage } from './values'
import type { FrontMatterValue } from './types'
import { binaryWarning, mergeKeyWarning, yaml11Warning } from '../hugo/warnings'
import { describeYaml11, readYaml11Plain } from '../hugo/yaml11'

/** A problem found by a format reader, at an offset into the text it was given. */
export interface RawProblem {
  offset: number
  message: string
}

const recent: { source: string; doc: Document.Parsed }[] = []

/**
 * Parses YAML source the way every front-matter reader here does: YAML 1.2 core schema, source ranges kept.
 * Duplicate keys are allowed (Hugo builds with them and reads the last); yamlWarnings reports them.
 * The result is shared with other callers for the same source and must not be mutated.
 */
export function parseYamlDocument(source: string): Document.Parsed {
  // NOTE: an edit parses the same block several times (read, locate, verify); the last few parses are reused.
  const hit = recent.find((r) => r.source === source)
  if (hit) return hit.doc
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false })
  recent.unshift({ source, doc })
  if (recent.length > 4) recent.pop()
  return doc
}

/** Thrown inside `toPlain` only; turned into a PARSE diagnostic by the caller. */
class PlainValueError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** What one conversion carries along: alias targets (found once), the nodes being expanded, the budget left. */
interface PlainWalk {
  doc: Document.Parsed
  targets: Map<Alias, Node | undefined> | null
  ancestors: Set<unknown>
  aliasValuesLeft: number
  /** Offset of the alias in the text whose expansion is under way, -1 outside any. */
  expanding: number
}

/**
 * Converts a parsed node to a plain value: scalars as the core schema reads them, aliases resolved.
 * Fails (as a problem) on circular aliases, unknown anchors, non-scalar keys, aliases that expand past the budget
 * (an alias bomb) and values nested past it. Linear in the text plus what aliases add.
 */
export function yamlToPlain(doc: Document.Parsed, node: unknown): { value: FrontMatterValue } | { problem: RawProblem } {
  const walk: PlainWalk = { doc, targets: null, ancestors: new Set(), aliasValuesLeft: frontMatterBudget.maxAliasValues, expanding: -1 }
  try {
    return { value: toPlain(walk, node, 0) }
  } catch (error) {
    if (error instanceof PlainValueError) return { problem: { offset: error.offset, message: error.message } }
    throw error
  }
}

/**
 * Every alias's anchored node, found in one walk: the last node with that anchor before the alias, as the YAML
 * spec and the library's `Alias.resolve` say. NOTE: `resolve(doc)` walks the whole document per alias (20,000
 * aliases: 100 s).
 */
function aliasTargets(doc: Document.Parsed): { targets: Map<Alias, Node | undefined>; nodeCount: number } {
  const latest = new Map<string, Node>()
  const targets = new Map<Alias, Node | undefined>()
  let nodeCount = 0
  visit(doc, {
    Node(_key, node) {
      nodeCount++
      if (isAlias(node)) targets.set(node, latest.get(node.source))
      else if (node.anchor !== undefined) latest.set(node.anchor, node)
    },
  })
  return { targets, nodeCount }
}

function toPlain(walk: PlainWalk, node: unknown, depth: number): FrontMatterValue {
  if (node === null || node === undefined) return null
  const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0
  if (walk.expanding !== -1 && --walk.aliasValuesLeft < 0) {
    throw new PlainValueError('aliases here expand to more values than the whole front matter holds; Folio does not expand them (an alias bomb?)', walk.expanding)
  }
  if (depth > frontMatterBudget.maxDepth) throw new PlainValueError(tooDeepMessage(), offset)
  if (isAlias(node)) {
    if (walk.targets === null) {
      const found = aliasTargets(walk.doc)
      walk.targets = found.targets
      // NOTE: aliases may add as many values as the text itself holds (or the budget, if larger): what a document
      // expands to stays linear in its size, so 20,000 plain aliases read and an alias bomb stops early.
      walk.aliasValuesLeft = Math.max(frontMatterBudget.maxAliasValues, found.nodeCount)
    }
    const target = walk.targets.get(node)
    if (!target) throw new PlainValueError(`alias "*${node.source}" refers to no anchor`, offset)
    if (walk.ancestors.has(target)) throw new PlainValueError(`alias "*${node.source}" refers to a value that contains it`, offset)
    const isOutermost = walk.expanding === -1
    if (isOutermost) walk.expanding = offset
    const value = toPlain(walk, target, depth)
    if (isOutermost) walk.expanding = -1
    return value
  }
  if (isScalar(node)) return scalarToPlain(node)
  walk.ancestors.add(node)
  const value = collectionToPlain(walk, node, offset, depth + 1)
  walk.ancestors.delete(node)
  return value
}

function collectionToPlain(walk: PlainWalk, node: unknown, offset: number, depth: number): FrontMatterValue {
  if (isSeq(node)) return node.items.map((item) => toPlain(walk, item, depth))
  if (isMap(node)) {
    const out: Record<string, FrontMatterValue> = {}
    for (const pair of node.items) {
      if (!isScalar(pair.key)) throw new PlainValueError('a key must be a plain value', keyOffset(pair.key, offset))
      const key = String(pair.key.value)
      // NOTE: defineProperty so a key named "__proto__" stays an ordinary key.
      Object.defineProperty(out, key, { value: toPlain(walk, pair.value, depth), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  throw new PlainValueError('unsupported YAML value', offset)
}

function keyOffset(key: unknown, fallback: number): number {
  return (key as { range?: [number, number, number] } | null)?.range?.[0] ?? fallback
}

/** The keys a `<<` merge brings in: of the aliased or written mapping(s) (a list of them too). */
function mergedKeys(doc: Document.Parsed, value: Node | null): string[] {
  const keys: string[] = []
  const add = (node: unknown): void => {
    const target = isAlias(node) ? node.resolve(doc) : node
    if (isMap(target)) for (const pair of target.items) if (isScalar(pair.key)) keys.push(String(pair.key.value))
  }
  if (isSeq(value)) value.items.forEach(add)
  else add(value)
  return keys
}

function scalarToPlain(node: Scalar): FrontMatterValue {
  const v: unknown = node.value
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  // NOTE: the core schema yields only the types above; anything else falls back to the source text.
  return node.source ?? null
}

const binaryTag = 'tag:yaml.org,2002:binary'

/** The base64 text of a `!!binary` scalar as written (without tag or quotes). */
function binaryText(source: string, node: Scalar): string {
  const [from, to] = node.range ?? [0, 0]
  return source.slice(from, to).replace(/^!!binary\s+/, '').replace(/^["']|["']$/g, '')
}

/** A `!!binary` value that is not base64: yaml.v2 refuses it, so Hugo fails the build (recorded: y-binary-bad). */
export function yamlBinaryProblem(doc: Document.Parsed, source: string): RawProblem | null {
  // NOTE: the tag is rare; a plain text test skips the walk for nearly every block.
  if (!source.includes('!!binary')) return null
  let found: RawProblem | null = null
  visit(doc, {
    Scalar(_key, node) {
      if (node.tag !== binaryTag || found !== null) return
      if (!isBase64(binaryText(source, node))) found = { offset: node.range?.[0] ?? 0, message: 'this !!binary value is not valid base64; Hugo refuses the file (remove the tag to keep it as text)' }
    },
  })
  return found
}

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text) && text.replace(/\s+/g, '').length % 4 === 0
}

/** Warnings about values other tools read differently, empty values and keys that differ only in case; offsets into `source`. */
export function yamlWarnings(doc: Document.Parsed, source: string): RawProblem[] {
  const out: RawProblem[] = []
  visit(doc, {
    Pair(_key, pair) {
      const keyNode = pair.key as Node | null
      const keyName = isScalar(keyNode) ? String(keyNode.value) : ''
      const value = pair.value as Node | null
      if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyName === '<<') {
        out.push({ offset: keyNode.range?.[0] ?? 0, message: mergeKeyWarning(mergedKeys(doc, value)) })
      }
      if (keyNode && (value === null || (isScalar(value) && value.value === null && value.source === ''))) {
        out.push({ offset: keyNode.range?.[0] ?? 0, message: `"${keyName}" has no value (it reads as null)` })
      }
    },
    Map(_key, map) {
      const seen = new Map<string, string>()
      // NOTE: one pass (a mapping may hold 20,000 keys): the last index of each name, then a warning at each earlier one.
      const lastAt = new Map<string, number>()
      map.items.forEach((pair, i) => {
        if (isPair(pair) && isScalar(pair.key)) lastAt.set(String(pair.key.value), i)
      })
      for (const [i, pair] of map.items.entries()) {
        if (!isPair(pair) || !isScalar(pair.key)) continue
        const name = String(pair.key.value)
        if (lastAt.get(name) !== i) out.push({ offset: pair.key.range?.[0] ?? 0, message: duplicateMessage(name) })
        const other = seen.get(name.toLowerCase())
        if (other !== undefined && other !== name) {
          out.push({ offset: pair.key.range?.[0] ?? 0, message: `keys "${other}" and "${name}" differ only in case` })
        }
        seen.set(name.toLowerCase(), name)
      }
    },
    Scalar(key, node) {
      if (!node.range) return
      const offset = node.range[0]
      if (node.tag === binaryTag) {
        // NOTE: the library decodes the bytes; Folio's value is the base64 text as written (scalarToPlain).
        out.push({ offset, message: binaryWarning(binaryText(source, node)) })
        return
      }
      if (node.type !== Scalar.PLAIN || node.tag !== undefined) return
      const text = source.slice(node.range[0], node.range[1])
      if (key === 'key') {
        const hugoKey = readYaml11Plain(text)
        if (hugoKey.kind !== 'string') out.push({ offset, message: `Hugo reads the key ${text} as "${describeYaml11(hugoKey).replace(/^nothing \(null\)$/, '')}" (YAML 1.1); quote it ("${text}") to keep the name` })
        return
      }
      // NOTE: what Hugo's YAML 1.1 reader makes of the same plain text (y, no, 1_000, 0b101, 0777): the rulebook says.
      const differs = yaml11Warning(text, scalarToPlain(node))
      if (differs !== null) out.push({ offset, message: differs })
      else if (typeof node.value === 'string' && node.value.includes(': ')) {
        out.push({ offset, message: 'unquoted value contains ": "; quote it so every YAML reader sees one string' })
      }
    },
  })
  return out.sort((a, b) => a.offset - b.offset)
}
