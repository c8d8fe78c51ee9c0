import { TomlDocument } from '@decimalturn/toml-patch'
import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import { detectBlock } from './detect'
import { isExactNumberText } from './number-literal'
import type { KeyPath } from './types'
import { parseYamlDocument } from './yaml-read'

export { hugoReadsNumber, isExactNumberText, isSameNumberText } from './number-literal'

/** A number as written in the front matter: where it is (offsets into the whole text), its text and its double. */
export interface WrittenNumber {
  path: KeyPath
  from: number
  to: number
  source: string
  value: number
}

function yamlNumbers(source: string, base: number): WrittenNumber[] {
  const doc = parseYamlDocument(source)
  if (doc.errors.length > 0) return []
  const out: WrittenNumber[] = []
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.value === '<<') continue
        walk(pair.value, [...path, String(pair.key.value)])
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]))
    else if (isScalar(node) && typeof node.value === 'number' && (node as Node).range) {
      const [from, to] = (node as Node).range as [number, number, number]
      out.push({ path, from: base + from, to: base + to, source: source.slice(from, to), value: node.value })
    }
  }
  walk(doc.contents, [])
  return out
}

interface TomlNode {
  type: string
  loc: { start: { line: number; column: number }; end: { line: number; column: number } }
  raw?: string
  value?: unknown
  key?: { value?: string[]; item?: { value: string[] } }
  item?: TomlNode
  items?: TomlNode[]
}

function tomlNumbers(source: string, base: number): WrittenNumber[] {
  let blocks: TomlNode[]
  try {
    blocks = new TomlDocument(source, { integersAsBigInt: 'asNeeded' }).cst
  } catch {
    // NOTE: a block the parser refuses has no numbers to show (the caller reports the parse error).
    return []
  }
  const lineStarts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const offset = (p: { line: number; column: number }): number => (lineStarts[p.line - 1] ?? 0) + p.column
  const out: WrittenNumber[] = []
  const value = (node: TomlNode, path: (string | number)[]): void => {
    if (node.type === 'Integer' || node.type === 'Float') {
      const from = offset(node.loc.start)
      const to = offset(node.loc.end)
      out.push({ path, from: base + from, to: base + to, source: source.slice(from, to), value: Number(source.slice(from, to).replace(/_/g, '').replace(/^([-+]?)(inf|nan)$/, (_, s: string, w: string) => `${s}${w === 'inf' ? 'Infinity' : 'NaN'}`)) })
    } else if (node.type === 'InlineArray') (node.items ?? []).forEach((item, i) => item.item && value(item.item, [...path, i]))
    else if (node.type === 'InlineTable') for (const item of node.items ?? []) if (item.item) pair(item.item, path)
  }
  const pair = (node: TomlNode, prefix: (string | number)[]): void => {
    if (node.type === 'KeyValue' && node.value && typeof node.value === 'object') value(node.value as TomlNode, [...prefix, ...(node.key?.value ?? [])])
  }
  // NOTE: [[a]] headers count items; a nested [[a.b]] starts over under each new [[a]].
  const arrayIndex = new Map<string, number>()
  const resolve = (key: string[]): (string | number)[] => {
    const path: (string | number)[] = []
    key.forEach((part, i) => {
      path.push(part)
      const at = arrayIndex.get(key.slice(0, i + 1).join('\u0000'))
      if (at !== undefined) path.push(at)
    })
    return path
  }
  for (const block of blocks) {
    if (block.type === 'KeyValue') pair(block, [])
    else if (block.type === 'Table' || block.type === 'TableArray') {
      const key = block.key?.item?.value ?? []
      if (block.type === 'TableArray') {
        const name = key.join('\u0000')
        arrayIndex.set(name, (arrayIndex.get(name) ?? -1) + 1)
        for (const known of [...arrayIndex.keys()]) if (known.startsWith(name + '\u0000')) arrayIndex.delete(known)
      }
      const prefix = resolve(key)
      for (const item of block.items ?? []) pair(item, prefix)
    }
  }
  return out
}

function jsonNumbers(source: string, base: number): WrittenNumber[] {
  const root = parseTree(source)
  const out: WrittenNumber[] = []
  const walk = (node: JsonNode | undefined, path: (string | number)[]): void => {
    if (node === undefined) return
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, item] = property.children ?? []
        if (typeof key?.value === 'string') walk(item, [...path, key.value])
      }
    } else if (node.type === 'array') (node.children ?? []).forEach((item, i) => walk(item, [...path, i]))
    else if (node.type === 'number') {
      const text = source.slice(node.offset, node.offset + node.length)
      out.push({ path, from: base + node.offset, to: base + node.offset + node.length, source: text, value: Number(text) })
    }
  }
  walk(root, [])
  return out
}

/**
 * Every number written in the front matter of `text`, with its source text and place, in text order; of duplicate
 * keys only the one Hugo reads (the last). Empty when there is no block or it does not parse.
 */
export function writtenNumbers(text: string): WrittenNumber[] {
  const found = detectBlock(text)
  if (found.kind !== 'block') return []
  const { format, contentFrom, contentTo } = found.block
  const source = text.slice(contentFrom, contentTo)
  const all = format === 'yaml' ? yamlNumbers(source, contentFrom) : format === 'toml' ? tomlNumbers(source, contentFrom) : jsonNumbers(source, contentFrom)
  const last = new Map<string, WrittenNumber>()
  for (const n of all) last.set(JSON.stringify(n.path), n)
  return [...last.values()].sort((a, b) => a.from - b.from)
}

/** The number written at `path`, or null when the value there is not a number. */
export function writtenNumberAt(text: string, path: KeyPath): WrittenNumber | null {
  const key = JSON.stringify(path)
  return writtenNumbers(text).find((n) => JSON.stringify(n.path) === key) ?? null
}

/** The numbers of `text` whose source text a double does not hold exactly (see isExactNumberText). */
export function inexactNumbers(text: string): WrittenNumber[] {
  return writtenNumbers(text).filter((n) => !isExactNumberText(n.source, n.value))
}
