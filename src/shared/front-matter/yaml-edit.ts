import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml'
import { fail, ok, type Result } from '../result'
import { lineEndAfter, lineStartAt } from './text-position'
import type { FrontMatterValue, KeyPath } from './types'
import { formatPath } from './values'
import { anchorConflict, columnOf, itemStyle, walkYaml, yamlLayout, type YamlStep } from './yaml-locate'
import { parseYamlDocument } from './yaml-read'
import { renderBlockValue, renderFlow, renderItem, renderKey, renderScalarValue, styleOf, type YamlLayout } from './yaml-render'

type Edit = { from: number; to: number; insert: string }

/** Parses YAML block content for editing; refuses content with errors or a non-mapping root. */
function load(source: string): Result<Document.Parsed> {
  const doc = parseYamlDocument(source)
  if (doc.errors.length > 0) return fail('PARSE', 'the front matter has errors; fix them before editing fields')
  const root = doc.contents as Node | null
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) return fail('PARSE', 'front matter must be a mapping of keys to values')
  return ok(doc)
}

function apply(source: string, edit: Edit): string {
  return source.slice(0, edit.from) + edit.insert + source.slice(edit.to)
}

function trimmedEnd(source: string, from: number, to: number): number {
  let e = to
  while (e > from && /\s/.test(source[e - 1] ?? '')) e--
  return e
}

/** Builds the value to write at the first missing step: `{ a: { b: value } }` for the rest `[a, b]`. */
function nest(rest: KeyPath, value: FrontMatterValue): { value: FrontMatterValue } | null {
  let out = value
  for (let i = rest.length - 1; i >= 0; i--) {
    const step = rest[i]
    if (typeof step === 'string') out = { [step]: out }
    else if (step === 0) out = [out]
    else return null
  }
  return { value: out }
}

/** Sets the value at `path` in YAML block content, returning the new content. `isSafe` forces the plainest layout. */
export function yamlSet(source: string, path: KeyPath, value: FrontMatterValue, isSafe: boolean): Result<string> {
  const loaded = load(source)
  if (!loaded.ok) return loaded
  const doc = loaded.value
  const layout: YamlLayout = { ...yamlLayout(doc, source), isSafe }
  const walk = walkYaml(doc, path)
  if ('error' in walk) return fail('INVALID_ARGUMENT', walk.error)
  const { steps, container, missingAt } = walk
  if (missingAt === path.length || (missingAt > 0 && !isCollection(container))) {
    const step = steps[missingAt - 1]
    const built = nest(path.slice(missingAt), value)
    if (!step || built === null) return fail('INVALID_ARGUMENT', `cannot create ${formatPath(path)}`)
    const conflict = anchorConflict(doc, steps.slice(0, missingAt), step.node)
    if (conflict) return fail('INVALID_ARGUMENT', `cannot change ${formatPath(path.slice(0, missingAt))}: ${conflict}`)
    return replaceNode(source, step, built.value, layout)
  }
  const built = nest(path.slice(missingAt + 1), value)
  const key = path[missingAt]
  if (built === null || key === undefined) return fail('INVALID_ARGUMENT', `cannot create ${formatPath(path)}`)
  const conflict = anchorConflict(doc, steps, null)
  if (conflict) return fail('INVALID_ARGUMENT', `cannot change ${formatPath(path)}: ${conflict}`)
  if (container === null || (isScalar(container) && missingAt === 0)) {
    if (typeof key !== 'string') return fail('INVALID_ARGUMENT', 'the front matter is a mapping; a list index does not address it')
    const line = renderKey(key, false) + ':' + renderBlockValue(built.value, 0, layout) + layout.eol
    return ok(source + (source === '' || source.endsWith('\n') ? '' : layout.eol) + line)
  }
  if (isMap(container) && typeof key === 'string') return ok(apply(source, addPair(source, container, key, built.value, layout)))
  if (isSeq(container) && key === container.items.length) return ok(apply(source, appendItem(source, container, built.value, layout)))
  return fail('INVALID_ARGUMENT', `cannot create ${formatPath(path)}: index out of range`)
}

/** Where the value after `key:` or `-` begins, and the column nested content is indented from. */
function anchorOf(source: string, step: YamlStep): { after: number; indent: number } {
  if (step.pair && isScalar(step.pair.key) && step.pair.key.range) {
    const keyRange = step.pair.key.range
    return { after: source.indexOf(':', keyRange[1]) + 1, indent: columnOf(source, keyRange[0]) }
  }
  const start = step.node?.range?.[0] ?? 0
  const dash = source.lastIndexOf('-', start - 1)
  return { after: dash + 1, indent: columnOf(source, dash) }
}

function replaceNode(source: string, step: YamlStep, value: FrontMatterValue, layout: YamlLayout): Result<string> {
  const node = step.node
  const range = node?.range
  const isFlow = isCollection(step.parent) && step.parent.flow === true
  if (isFlow || (layout.isSafe && range && !(isScalar(node) && node.source === ''))) {
    if (!range) return fail('INVALID_ARGUMENT', 'cannot edit an empty value inside a flow collection')
    const style = isScalar(node) ? styleOf(node) : layout.style
    return ok(apply(source, { from: range[0], to: trimmedEnd(source, range[0], range[1]), insert: renderFlow(value, layout.isSafe ? 'double' : style, false) }))
  }
  const { after, indent } = anchorOf(source, step)
  const end = range ? Math.max(after, trimmedEnd(source, range[0], range[1])) : after
  const isEmpty = !node || (isScalar(node) && node.source === '')
  if (range && !isEmpty && !isObjectValue(value) && (isScalar(node) || isAlias(node))) {
    const style = isScalar(node) ? styleOf(node) : layout.style
    const contentIndent = blockIndent(source, range[0]) ?? indent + 2
    const text = renderScalarValue(value, style, false, contentIndent, layout.eol).replace(/\r?\n$/, '')
    return ok(apply(source, { from: range[0], to: end, insert: text }))
  }
  if (range && isCollection(node) && node.flow && isObjectValue(value)) {
    const isSpaced = source[range[0] + 1] === ' '
    const styles = node.items.map((item) => (isScalar(item) ? styleOf(item) : layout.style))
    return ok(apply(source, { from: range[0], to: end, insert: renderFlow(value, itemStyle(node, layout.style), isSpaced, styles) }))
  }
  let sub = layout
  if (range && isSeq(node) && !node.flow) sub = { ...layout, seqIndent: Math.max(0, columnOf(source, range[0]) - indent), style: itemStyle(node, layout.style) }
  if (range && isMap(node) && !node.flow) sub = { ...layout, style: itemStyle(node, layout.style) }
  return ok(apply(source, { from: after, to: end, insert: renderBlockValue(value, indent, sub) }))
}

function isObjectValue(value: unknown): value is object {
  return value !== null && typeof value === 'object'
}

/** The indentation of a block scalar's content, from its first non-empty line. */
function blockIndent(source: string, headerAt: number): number | null {
  if (source[headerAt] !== '|' && source[headerAt] !== '>') return null
  const m = /\n( +)\S/.exec(source.slice(headerAt))
  return m?.[1]?.length ?? null
}

function insertionAfter(source: string, node: Node | null, fallback: number): number {
  const range = node?.range
  return lineEndAfter(source, range ? trimmedEnd(source, range[0], range[1]) : fallback)
}

function addPair(source: string, map: YAMLMap, key: string, value: FrontMatterValue, layout: YamlLayout): Edit {
  const last = map.items[map.items.length - 1]
  const style = itemStyle(map, layout.style)
  if (map.flow && map.range) {
    const entry = `${renderKey(key, true)}: ${renderFlow(value, style, false)}`
    const lastEnd = (last?.value as Node | null)?.range ?? (last?.key as Node | null)?.range
    if (!lastEnd) return { from: map.range[0], to: trimmedEnd(source, map.range[0], map.range[1]), insert: `{ ${entry} }` }
    return { from: lastEnd[1], to: lastEnd[1], insert: `, ${entry}` }
  }
  const first = map.items[0]?.key as Node | null
  const indent = first?.range ? columnOf(source, first.range[0]) : 0
  const at = insertionAfter(source, (last?.value as Node | null) ?? null, (last?.key as Node | null)?.range?.[1] ?? source.length)
  const lead = at > 0 && source[at - 1] !== '\n' ? layout.eol : ''
  const line = ' '.repeat(indent) + renderKey(key, false) + ':' + renderBlockValue(value, indent, { ...layout, style }) + layout.eol
  return { from: at, to: at, insert: lead + line }
}

function appendItem(source: string, seq: YAMLSeq, value: FrontMatterValue, layout: YamlLayout): Edit {
  const last = seq.items[seq.items.length - 1] as Node | null
  const style = itemStyle(seq, layout.style)
  if (seq.flow && seq.range) {
    const item = renderFlow(value, style, false)
    if (!last?.range) return { from: seq.range[0], to: trimmedEnd(source, seq.range[0], seq.range[1]), insert: `[${item}]` }
    return { from: last.range[1], to: last.range[1], insert: `, ${item}` }
  }
  const start = seq.range?.[0] ?? 0
  const indent = columnOf(source, start)
  const at = insertionAfter(source, last, start)
  const lead = at > 0 && source[at - 1] !== '\n' ? layout.eol : ''
  return { from: at, to: at, insert: lead + ' '.repeat(indent) + '-' + renderItem(value, indent + 2, { ...layout, style }) + layout.eol }
}

/** Removes the key or item at `path` with the comment lines directly above it; a missing path changes nothing. */
export function yamlUnset(source: string, path: KeyPath): Result<string> {
  const loaded = load(source)
  if (!loaded.ok) return loaded
  const doc = loaded.value
  const walk = walkYaml(doc, path)
  if ('error' in walk) return fail('INVALID_ARGUMENT', walk.error)
  const step = walk.steps[path.length - 1]
  if (walk.missingAt < path.length || !step) return ok(source)
  const conflict = anchorConflict(doc, walk.steps, step.node)
  if (conflict) return fail('INVALID_ARGUMENT', `cannot remove ${formatPath(path)}: ${conflict}`)
  const parent = step.parent
  const itemStart = step.pair ? ((step.pair.key as Node | null)?.range?.[0] ?? 0) : (step.node?.range?.[0] ?? 0)
  const itemEnd = step.node?.range ? trimmedEnd(source, step.node.range[0], step.node.range[1]) : ((step.pair?.key as Node | null)?.range?.[1] ?? itemStart)
  if (parent.flow) return ok(apply(source, removeFlowItem(source, parent, step.index, itemStart, itemEnd)))
  if (parent.items.length === 1 && path.length > 1) {
    const holder = walk.steps[path.length - 2]
    if (holder) return replaceNode(source, holder, isSeq(parent) ? [] : {}, { ...yamlLayout(doc, source) })
  }
  const lineLead = step.pair ? itemStart : source.lastIndexOf('-', itemStart - 1)
  let from = lineStartAt(source, lineLead)
  if (source.slice(from, lineLead).trim() !== '') {
    // NOTE: the first key of a mapping inside a list item shares its line with the "- "; the next key moves up.
    const next = step.pair ? (parent.items[step.index + 1] as { key?: Node | null } | undefined)?.key?.range : undefined
    if (!next) return fail('INVALID_ARGUMENT', `cannot remove ${formatPath(path)}: it shares its line with another value`)
    return ok(apply(source, { from: itemStart, to: next[0], insert: '' }))
  }
  from = commentLinesAbove(source, from)
  return ok(apply(source, { from, to: lineEndAfter(source, Math.max(itemEnd, itemStart)), insert: '' }))
}

function commentLinesAbove(source: string, lineStart: number): number {
  let from = lineStart
  while (from > 0) {
    const prev = lineStartAt(source, from - 1)
    if (!source.slice(prev, from).trimStart().startsWith('#')) break
    from = prev
  }
  return from
}

function removeFlowItem(source: string, parent: YAMLMap | YAMLSeq, index: number, start: number, end: number): Edit {
  const bounds = parent.items.map((item) => {
    const node = (isScalar(item) || isCollection(item) || isAlias(item) ? item : (item as { key: Node | null }).key)
    return node?.range?.[0] ?? start
  })
  const next = bounds[index + 1]
  if (next !== undefined) return { from: start, to: next, insert: '' }
  const prevItem = parent.items[index - 1]
  if (index === 0 || prevItem === undefined) return { from: start, to: end, insert: '' }
  const prevNode = (isScalar(prevItem) || isCollection(prevItem) || isAlias(prevItem) ? prevItem : (prevItem as { value: Node | null }).value)
  const prevEnd = prevNode?.range ? trimmedEnd(source, prevNode.range[0], prevNode.range[1]) : start
  return { from: prevEnd, to: end, insert: '' }
}

/** Renames the key at `path`, keeping its quote style; refuses when the new name is taken. */
export function yamlRename(source: string, path: KeyPath, newKey: string): Result<string> {
  const loaded = load(source)
  if (!loaded.ok) return loaded
  const walk = walkYaml(loaded.value, path)
  if ('error' in walk) return fail('INVALID_ARGUMENT', walk.error)
  const step = walk.steps[path.length - 1]
  const key = step?.pair?.key
  if (walk.missingAt < path.length || !step || !isScalar(key) || !key.range) return fail('NOT_FOUND', `${formatPath(path)} does not exist`)
  if (String(key.value) === newKey) return ok(source)
  if (isMap(step.parent) && step.parent.items.some((p) => isScalar(p.key) && String(p.key.value) === newKey)) {
    return fail('INVALID_ARGUMENT', `"${newKey}" already exists`)
  }
  const text = renderKey(newKey, step.parent.flow === true, styleOf(key))
  return ok(apply(source, { from: key.range[0], to: key.range[1], insert: text }))
}
