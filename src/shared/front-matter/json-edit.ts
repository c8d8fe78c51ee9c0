import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser'
import { fail, ok, type Result } from '../result'
import type { FrontMatterValue, KeyPath } from './types'
import { formatPath } from './values'

/** Indentation and line break of a JSON block, so inserted members look like their neighbours. */
function formattingOf(source: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(source)
  const indent = m?.[1] ?? '  '
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: source.includes('\r\n') ? '\r\n' : '\n' }
}

/** Sets (or, with `undefined`, removes) the value at `path` in a JSON block with jsonc-parser, editing only that member. */
export function jsonSet(source: string, path: KeyPath, value: FrontMatterValue | undefined): Result<string> {
  const edits = modify(source, [...path], value, { formattingOptions: formattingOf(source) })
  return ok(applyEdits(source, edits))
}

/** Renames the member at `path`, keeping its place; refuses when the name is taken. */
export function jsonRename(source: string, path: KeyPath, newKey: string): Result<string> {
  const tree = parseTree(source)
  const node = tree ? findNodeAtLocation(tree, [...path]) : undefined
  const keyNode = node?.parent?.children?.[0]
  if (!node || !keyNode || node.parent?.type !== 'property') return fail('NOT_FOUND', `${formatPath(path)} does not exist`)
  const siblings = node.parent.parent?.children ?? []
  if (siblings.some((p) => p.children?.[0]?.value === newKey)) return fail('INVALID_ARGUMENT', `"${newKey}" already exists`)
  return ok(source.slice(0, keyNode.offset) + JSON.stringify(newKey) + source.slice(keyNode.offset + keyNode.length))
}
