import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Node } from 'yaml'
import type { FrontMatterValue } from './types'

/** A problem found by a format reader, at an offset into the text it was given. */
export interface RawProblem {
  offset: number
  message: string
}

const recent: { source: string; doc: Document.Parsed }[] = []

/**
 * Parses YAML source the way every front-matter reader here does: YAML 1.2 core schema, unique keys, source ranges kept.
 * The result is shared with other callers for the same source and must not be mutated.
 */
export function parseYamlDocument(source: string): Document.Parsed {
  // NOTE: an edit parses the same block several times (read, locate, verify); the last few parses are reused.
  const hit = recent.find((r) => r.source === source)
  if (hit) return hit.doc
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false })
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

/**
 * Converts a parsed node to a plain value: scalars as the core schema reads them, aliases resolved.
 * Fails (as a problem) on circular aliases, unknown anchors and non-scalar keys.
 */
export function yamlToPlain(doc: Document.Parsed, node: unknown): { value: FrontMatterValue } | { problem: RawProblem } {
  try {
    return { value: toPlain(doc, node, []) }
  } catch (error) {
    if (error instanceof PlainValueError) return { problem: { offset: error.offset, message: error.message } }
    throw error
  }
}

function toPlain(doc: Document.Parsed, node: unknown, stack: unknown[]): FrontMatterValue {
  if (node === null || node === undefined) return null
  const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0
  if (isAlias(node)) {
    const target = node.resolve(doc)
    if (!target) throw new PlainValueError(`alias "*${node.source}" refers to no anchor`, offset)
    if (stack.includes(target)) throw new PlainValueError(`alias "*${node.source}" refers to a value that contains it`, offset)
    return toPlain(doc, target, stack)
  }
  if (isScalar(node)) return scalarToPlain(node)
  const inner = [...stack, node]
  if (isSeq(node)) return node.items.map((item) => toPlain(doc, item, inner))
  if (isMap(node)) {
    const out: Record<string, FrontMatterValue> = {}
    for (const pair of node.items) {
      if (!isScalar(pair.key)) throw new PlainValueError('a key must be a plain value', keyOffset(pair.key, offset))
      const key = String(pair.key.value)
      // NOTE: defineProperty so a key named "__proto__" stays an ordinary key.
      Object.defineProperty(out, key, { value: toPlain(doc, pair.value, inner), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  throw new PlainValueError('unsupported YAML value', offset)
}

function keyOffset(key: unknown, fallback: number): number {
  return (key as { range?: [number, number, number] } | null)?.range?.[0] ?? fallback
}

function scalarToPlain(node: Scalar): FrontMatterValue {
  const v: unknown = node.value
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  // NOTE: the core schema yields only the types above; anything else falls back to the source text.
  return node.source ?? null
}

/** Warnings about values other tools read differently, empty values and keys that differ only in case; offsets into `source`. */
export function yamlWarnings(doc: Document.Parsed, source: string): RawProblem[] {
  const out: RawProblem[] = []
  visit(doc, {
    Pair(_key, pair) {
      const keyNode = pair.key as Node | null
      const keyName = isScalar(keyNode) ? String(keyNode.value) : ''
      const value = pair.value as Node | null
      if (keyNode && (value === null || (isScalar(value) && value.value === null && value.source === ''))) {
        out.push({ offset: keyNode.range?.[0] ?? 0, message: `"${keyName}" has no value (it reads as null)` })
      }
    },
    Map(_key, map) {
      const seen = new Map<string, string>()
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue
        const name = String(pair.key.value)
        const other = seen.get(name.toLowerCase())
        if (other !== undefined && other !== name) {
          out.push({ offset: pair.key.range?.[0] ?? 0, message: `keys "${other}" and "${name}" differ only in case` })
        }
        seen.set(name.toLowerCase(), name)
      }
    },
    Scalar(key, node) {
      if (key === 'key' || node.type !== Scalar.PLAIN || !node.range) return
      const text = source.slice(node.range[0], node.range[1])
      const offset = node.range[0]
      if (/^(?:yes|no|on|off)$/i.test(text)) {
        out.push({ offset, message: `unquoted "${text}" is a string in YAML 1.2 but a boolean in YAML 1.1 tools; quote it or write true/false` })
      } else if (/^[-+]?0[0-9_]+$/.test(text)) {
        out.push({ offset, message: `unquoted "${text}" reads as ${Number(text.replace(/_/g, ''))} here but as an octal number in YAML 1.1 tools; quote it if it is text` })
      } else if (typeof node.value === 'string' && node.value.includes(': ')) {
        out.push({ offset, message: 'unquoted value contains ": "; quote it so every YAML reader sees one string' })
      }
    },
  })
  return out.sort((a, b) => a.offset - b.offset)
}
