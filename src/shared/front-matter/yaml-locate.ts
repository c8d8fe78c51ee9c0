import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import type { KeyPath } from './types'
import { formatPath } from './values'
import type { ScalarStyle, YamlLayout } from './yaml-render'
import { styleOf } from './yaml-render'

/** One step down a key path: the collection holding it, the pair (for mappings) and the node found (null for `key:`). */
export interface YamlStep {
  parent: YAMLMap | YAMLSeq
  pair: Pair | null
  index: number
  node: Node | null
}

/** How far a path reaches: the steps that exist, and the node at the deepest one (`container`). */
export interface YamlWalk {
  steps: YamlStep[]
  container: Node | null
  /** The index of the first missing step; `path.length` when the whole path exists. */
  missingAt: number
}

/** Follows `path` through the document; refuses to pass through an alias (an edit there would change the anchor's value). */
export function walkYaml(doc: Document.Parsed, path: KeyPath): YamlWalk | { error: string } {
  const steps: YamlStep[] = []
  let current = doc.contents as Node | null
  for (let i = 0; i < path.length; i++) {
    const step = path[i]
    if (isAlias(current)) return { error: `${formatPath(path.slice(0, i))} is an alias (*${current.source}); edit the anchored value instead` }
    if (isMap(current) && typeof step === 'string') {
      // NOTE: the last of duplicate keys is the one Hugo reads, so it is the one an edit changes.
      const index = current.items.findLastIndex((p) => isScalar(p.key) && String(p.key.value) === step)
      const pair = current.items[index]
      if (!pair) return { steps, container: current, missingAt: i }
      steps.push({ parent: current, pair, index, node: (pair.value as Node | null) ?? null })
      current = (pair.value as Node | null) ?? null
    } else if (isSeq(current) && typeof step === 'number') {
      if (step >= current.items.length) return { steps, container: current, missingAt: i }
      steps.push({ parent: current, pair: null, index: step, node: current.items[step] as Node })
      current = current.items[step] as Node
    } else if (isCollection(current)) {
      return { error: `${formatPath(path.slice(0, i))} is a ${isMap(current) ? 'mapping' : 'list'}; "${String(step)}" does not address it` }
    } else return { steps, container: current, missingAt: i }
  }
  return { steps, container: current, missingAt: path.length }
}

/** Explains why editing `target` (reached through `steps`) would break an anchor/alias pair, or returns null. */
export function anchorConflict(doc: Document.Parsed, steps: YamlStep[], target: Node | null): string | null {
  const anchors = new Map<string, Node>()
  for (const s of steps) if (s.node && s.node !== target && s.node.anchor) anchors.set(s.node.anchor, s.node)
  if (target) {
    visit(target, (_key, n) => {
      if ((isScalar(n) || isCollection(n)) && n.anchor) anchors.set(n.anchor, n)
    })
    if ((isScalar(target) || isCollection(target)) && target.anchor) anchors.set(target.anchor, target)
  }
  if (anchors.size === 0) return null
  const inside = target?.range
  let conflict: string | null = null
  visit(doc, {
    Alias(_key, alias) {
      const at = alias.range?.[0] ?? -1
      const isInside = inside !== undefined && inside !== null && at >= inside[0] && at < inside[2]
      if (!isInside && anchors.has(alias.source) && conflict === null) {
        conflict = `the value carries anchor &${alias.source}, which *${alias.source} reuses elsewhere; edit it by hand so both stay right`
      }
    },
  })
  return conflict
}

/** The column of `offset` in `source`. */
export function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1)
}

/** The document's habits: its line break, how far block lists are indented under their key, how strings are quoted. */
export function yamlLayout(doc: Document.Parsed, source: string): YamlLayout {
  const counts: Record<ScalarStyle, number> = { plain: 0, double: 0, single: 0, literal: 0, folded: 0 }
  let seqIndent: number | null = null
  visit(doc, {
    Pair(_key, pair) {
      if (seqIndent === null && isSeq(pair.value) && !pair.value.flow && pair.value.range && isScalar(pair.key) && pair.key.range) {
        seqIndent = Math.max(0, columnOf(source, pair.value.range[0]) - columnOf(source, pair.key.range[0]))
      }
    },
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && node.source !== '') counts[styleOf(node)]++
    },
  })
  const style = counts.double > counts.plain && counts.double >= counts.single ? 'double' : counts.single > counts.plain ? 'single' : 'plain'
  return { style, seqIndent: seqIndent ?? 2, mapIndent: 2, eol: source.includes('\r\n') ? '\r\n' : '\n' }
}

/** The style of the first string scalar in a collection, for items added to it. */
export function itemStyle(collection: YAMLMap | YAMLSeq, fallback: ScalarStyle): ScalarStyle {
  for (const item of collection.items) {
    const node = isPair(item) ? item.value : item
    if (isScalar(node) && typeof node.value === 'string') return styleOf(node)
  }
  return fallback
}
