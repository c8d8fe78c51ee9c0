import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { fail, ok, type Result } from '../result'
import type { FrontMatterValue, KeyPath } from './types'
import { formatPath } from './values'

/**
 * The node at `path`, taking the last of duplicate keys: the one Hugo (and JSON.parse) reads, so an edit changes
 * the value that counts. (jsonc-parser's findNodeAtLocation takes the first.)
 */
function findNodeAtLocation(root: JsonNode, path: readonly (string | number)[]): JsonNode | undefined {
  let node: JsonNode | undefined = root
  for (const step of path) {
    if (node === undefined) return undefined
    if (typeof step === 'string') {
      if (node.type !== 'object') return undefined
      const property: JsonNode | undefined = (node.children ?? []).findLast((p) => p.children?.length === 2 && p.children[0]?.value === step)
      node = property?.children?.[1]
    } else {
      if (node.type !== 'array') return undefined
      node = node.children?.[step]
    }
  }
  return node
}

interface JsonLayout {
  unit: string
  eol: string
}

/** Indentation unit and line break of a JSON block, so new members look like their neighbours. */
function layoutOf(source: string): JsonLayout {
  const m = /\n([ \t]+)\S/.exec(source)
  return { unit: m?.[1] ?? '  ', eol: source.includes('\r\n') ? '\r\n' : '\n' }
}

function indentAt(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(source.slice(start, offset))?.[0] ?? ''
}

/** JSON text for `value`: multi-line at `indent` when `isMultiline`, else on one line with `, ` and `: `. */
function renderJson(value: FrontMatterValue, isMultiline: boolean, indent: string, layout: JsonLayout): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = indent + layout.unit
  const items = Array.isArray(value)
    ? value.map((v) => renderJson(v, isMultiline, inner, layout))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${renderJson(v, isMultiline, inner, layout)}`)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (items.length === 0) return open + close
  if (!isMultiline) return `${open}${items.join(', ')}${close}`
  return `${open}${layout.eol}${items.map((i) => inner + i).join(',' + layout.eol)}${layout.eol}${indent}${close}`
}

function isMultiline(source: string, node: JsonNode): boolean {
  return source.slice(node.offset, node.offset + node.length).includes('\n')
}

function splice(source: string, from: number, to: number, insert: string): string {
  return source.slice(0, from) + insert + source.slice(to)
}

/** Sets the value at `path` in a JSON block, rewriting only that value (or inserting one member after its last sibling). */
export function jsonSet(source: string, path: KeyPath, value: FrontMatterValue): Result<string> {
  const tree = parseTree(source)
  if (!tree) return fail('PARSE', 'the JSON front matter does not parse')
  const layout = layoutOf(source)
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, [...path.slice(0, depth)])
    if (!node) continue
    let nested = value
    for (let i = path.length - 1; i > depth; i--) {
      const step = path[i]
      nested = typeof step === 'number' ? [nested] : { [String(step)]: nested }
    }
    if (depth === path.length || (node.type !== 'object' && node.type !== 'array')) {
      if (depth < path.length) return fail('INVALID_ARGUMENT', `${formatPath(path.slice(0, depth))} is not an object`)
      const text = renderJson(value, isMultiline(source, node), indentAt(source, node.parent?.offset ?? node.offset), layout)
      return ok(splice(source, node.offset, node.offset + node.length, text))
    }
    return insertMember(source, node, path[depth], nested, layout)
  }
  return fail('INVALID_ARGUMENT', `cannot set ${formatPath(path)}`)
}

function insertMember(source: string, container: JsonNode, step: string | number | undefined, value: FrontMatterValue, layout: JsonLayout): Result<string> {
  const isObject = container.type === 'object'
  if (isObject !== (typeof step === 'string') || step === undefined) return fail('INVALID_ARGUMENT', 'the key path does not match the JSON structure')
  const children = container.children ?? []
  if (!isObject && step !== children.length) return fail('INVALID_ARGUMENT', 'index out of range')
  const multiline = isMultiline(source, container)
  const last = children[children.length - 1]
  const memberIndent = last ? indentAt(source, last.offset) : indentAt(source, container.offset) + layout.unit
  const member = (isObject ? `${JSON.stringify(step)}: ` : '') + renderJson(value, multiline, memberIndent, layout)
  if (!last) {
    const text = multiline ? `${layout.eol}${memberIndent}${member}${layout.eol}${indentAt(source, container.offset)}` : member
    return ok(splice(source, container.offset + 1, container.offset + container.length - 1, text))
  }
  const end = last.offset + last.length
  return ok(splice(source, end, end, multiline ? `,${layout.eol}${memberIndent}${member}` : `, ${member}`))
}

/** Removes the member or item at `path` with its comma; unchanged when it does not exist. */
export function jsonUnset(source: string, path: KeyPath): Result<string> {
  const tree = parseTree(source)
  const node = tree ? findNodeAtLocation(tree, [...path]) : undefined
  if (!node) return ok(source)
  const item = node.parent?.type === 'property' ? node.parent : node
  const siblings = item.parent?.children ?? []
  const index = siblings.indexOf(item)
  const next = siblings[index + 1]
  const prev = siblings[index - 1]
  if (next) return ok(splice(source, lineAwareStart(source, item.offset), lineAwareStart(source, next.offset), ''))
  if (prev) return ok(splice(source, prev.offset + prev.length, item.offset + item.length, ''))
  const parent = item.parent
  if (!parent) return ok(source)
  return ok(splice(source, parent.offset + 1, parent.offset + parent.length - 1, ''))
}

// NOTE: removing a member that is followed by another one takes the text up to the next member, so its line goes
// with it when members sit one per line.
function lineAwareStart(source: string, offset: number): number {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1
  return source.slice(lineStart, offset).trim() === '' ? lineStart : offset
}

/** Renames the member at `path`, keeping its place; refuses when the name is taken. */
export function jsonRename(source: string, path: KeyPath, newKey: string): Result<string> {
  const tree = parseTree(source)
  const node = tree ? findNodeAtLocation(tree, [...path]) : undefined
  const keyNode = node?.parent?.children?.[0]
  if (!node || !keyNode || node.parent?.type !== 'property') return fail('NOT_FOUND', `${formatPath(path)} does not exist`)
  const siblings = node.parent.parent?.children ?? []
  if (siblings.some((p) => p.children?.[0]?.value === newKey)) return fail('INVALID_ARGUMENT', `"${newKey}" already exists`)
  return ok(splice(source, keyNode.offset, keyNode.offset + keyNode.length, JSON.stringify(newKey)))
}
