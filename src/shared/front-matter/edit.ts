import { fail, ok, type Result } from '../result'
import { jsonRename, jsonSet, jsonUnset } from './json-edit'
import { parseForEdit } from './parse'
import { tomlRename, tomlSet, tomlUnset } from './toml-edit'
import type { FrontMatterBlock, FrontMatterValue, KeyPath, TextChange } from './types'
import { formatPath, valueAt, valuesEqual } from './values'
import { yamlRename, yamlSet, yamlUnset } from './yaml-edit'
import { renderBlockValue, renderKey } from './yaml-render'

/** Applies changes whose offsets all refer to `text` (non-overlapping, any order). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text
  for (const c of [...changes].sort((a, b) => b.from - a.from)) out = out.slice(0, c.from) + c.insert + out.slice(c.to)
  return out
}

/** The smallest single change turning `before` into `after` ([] when equal). */
export function changeBetween(before: string, after: string): TextChange[] {
  if (before === after) return []
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  return [{ from: start, to: before.length - end, insert: after.slice(start, after.length - end) }]
}

function readable(text: string): Result<EditView> {
  const parsed = parseForEdit(text)
  const error = parsed.errors[0]
  if (error) return fail('PARSE', `the front matter has an error (${error.message}); fix it before editing fields`, { line: error.line, column: error.column })
  return ok(parsed)
}

function cloneValue(value: FrontMatterValue): FrontMatterValue {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneValue)
  const out: Record<string, FrontMatterValue> = {}
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: cloneValue(v), enumerable: true, writable: true, configurable: true })
  return out
}

/** A deep copy of `data` with `path` set to `value` (or removed when `value` is undefined). */
function withValue(data: FrontMatterValue, path: KeyPath, value: FrontMatterValue | undefined): FrontMatterValue {
  const copy = cloneValue(data)
  let holder = copy as Record<string | number, FrontMatterValue>
  for (const step of path.slice(0, -1)) {
    const next = holder[step]
    if (next === undefined || next === null || typeof next !== 'object') holder[step] = typeof step === 'number' ? [] : {}
    holder = holder[step] as Record<string | number, FrontMatterValue>
  }
  const last = path[path.length - 1]
  if (value !== undefined) holder[last] = value
  else if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1)
  else delete holder[last]
  return copy
}

type EditView = ReturnType<typeof parseForEdit>

type BlockEdit = (source: string, format: FrontMatterBlock['format'], isSafe: boolean) => Result<string>

/** Runs a block edit and keeps it only if the new text parses to `expected`; tries the plainest layout second. */
function editChecked(text: string, block: FrontMatterBlock, expected: FrontMatterValue, run: BlockEdit, what: string): Result<string> {
  const source = text.slice(block.contentFrom, block.contentTo)
  let lastProblem = ''
  for (const isSafe of [false, true]) {
    const edited = run(source, block.format, isSafe)
    if (!edited.ok) return edited
    const next = text.slice(0, block.contentFrom) + edited.value + text.slice(block.contentTo)
    const reparsed = parseForEdit(next)
    if (reparsed.errors.length === 0 && valuesEqual(reparsed.data, expected)) return ok(next)
    lastProblem = reparsed.errors[0]?.message ?? 'other values changed'
  }
  return fail('INVALID_ARGUMENT', `cannot ${what} without changing how the front matter reads (${lastProblem})`)
}

function setInText(text: string, parsed: EditView, path: KeyPath, value: FrontMatterValue): Result<string> {
  const current = valueAt(parsed.data, path)
  if (current !== undefined && valuesEqual(current, value)) return ok(text)
  const isObject = (v: unknown): v is Record<string, FrontMatterValue> => v !== null && typeof v === 'object' && !Array.isArray(v)
  // NOTE: a mapping set onto a mapping (or a list onto a list of the same length) is done member by member,
  // so members that did not change keep their bytes, comments and quotes.
  if (isObject(current) && isObject(value)) return setMembers(text, path, Object.keys(value), Object.keys(current).filter((k) => !Object.hasOwn(value, k)), value)
  if (Array.isArray(current) && Array.isArray(value) && current.length > 0 && value.length > 0 && parsed.format !== 'toml') {
    return setItems(text, path, current.length, value)
  }
  if (!parsed.block) return ok(createYamlBlock(text, path, value))
  const block = parsed.block
  const expected = withValue(parsed.data, path, value)
  return editChecked(text, block, expected, (source, format, isSafe) => {
    if (format === 'yaml') return yamlSet(source, path, value, isSafe)
    if (format === 'toml') return tomlSet(source, path, value)
    return jsonSet(source, path, value)
  }, `set ${formatPath(path)}`)
}

function setMembers(text: string, path: KeyPath, keys: (string | number)[], removed: (string | number)[], value: FrontMatterValue): Result<string> {
  let current = text
  for (const key of keys) {
    const parsed = readable(current)
    if (!parsed.ok) return parsed
    const member = (value as Record<string | number, FrontMatterValue>)[key] ?? null
    const next = setInText(current, parsed.value, [...path, key], member)
    if (!next.ok) return next
    current = next.value
  }
  for (const key of removed) {
    const next = unsetInText(current, [...path, key])
    if (!next.ok) return next
    current = next.value
  }
  return ok(current)
}

/** Sets a list item by item: shared indexes in place, then appends, then removals from the end. */
function setItems(text: string, path: KeyPath, currentLength: number, value: FrontMatterValue[]): Result<string> {
  const kept = value.slice(0, currentLength).map((_, i) => i)
  const added = value.slice(currentLength).map((_, i) => currentLength + i)
  const next = setMembers(text, path, [...kept, ...added], [], value)
  if (!next.ok) return next
  let current = next.value
  for (let i = currentLength - 1; i >= value.length; i--) {
    const removed = unsetInText(current, [...path, i])
    if (!removed.ok) return removed
    current = removed.value
  }
  return ok(current)
}

function createYamlBlock(text: string, path: KeyPath, value: FrontMatterValue): string {
  const bodyFrom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  let nested = value
  for (let i = path.length - 1; i > 0; i--) nested = { [String(path[i])]: nested }
  const line = renderKey(String(path[0]), false) + ':' + renderBlockValue(nested, 0, { style: 'plain', seqIndent: 2, mapIndent: 2, eol })
  const gap = text.length > bodyFrom && !text.startsWith('\n', bodyFrom) && !text.startsWith('\r\n', bodyFrom) ? eol : ''
  return text.slice(0, bodyFrom) + `---${eol}${line}${eol}---${eol}${gap}` + text.slice(bodyFrom)
}

function unsetInText(text: string, path: KeyPath): Result<string> {
  const parsed = readable(text)
  if (!parsed.ok) return parsed
  if (valueAt(parsed.value.data, path) === undefined || !parsed.value.block) return ok(text)
  const expected = withValue(parsed.value.data, path, undefined)
  return editChecked(text, parsed.value.block, expected, (source, format) => {
    if (format === 'yaml') return yamlUnset(source, path)
    if (format === 'toml') return tomlUnset(source, path)
    return jsonUnset(source, path)
  }, `remove ${formatPath(path)}`)
}

/**
 * Sets the value at `path`, writing it in the style of the value it replaces (quotes, flow or block lists, date layout)
 * and adding missing keys where a writer would. Returns [] when the value is already equal; PARSE when the front matter
 * has errors; INVALID_ARGUMENT when the edit would break an anchor/alias or cannot be written so it reads back exactly.
 */
export function setValue(text: string, path: KeyPath, value: FrontMatterValue): Result<TextChange[]> {
  if (path.length === 0) return fail('INVALID_ARGUMENT', 'a key path is needed')
  const parsed = readable(text)
  if (!parsed.ok) return parsed
  const next = setInText(text, parsed.value, path, value)
  return next.ok ? ok(changeBetween(text, next.value)) : next
}

/** Removes the key (or list item) at `path` with the comment lines directly above it; [] when it does not exist. */
export function unsetValue(text: string, path: KeyPath): Result<TextChange[]> {
  if (path.length === 0) return fail('INVALID_ARGUMENT', 'a key path is needed')
  const next = unsetInText(text, path)
  return next.ok ? ok(changeBetween(text, next.value)) : next
}

/** Renames the key at `path` in place (value, comments and position kept). NOT_FOUND when missing; INVALID_ARGUMENT when the name is taken. */
export function renameKey(text: string, path: KeyPath, newKey: string): Result<TextChange[]> {
  const parsed = readable(text)
  if (!parsed.ok) return parsed
  const { block, data } = parsed.value
  const current = valueAt(data, path)
  if (!block || current === undefined || typeof path[path.length - 1] !== 'string') return fail('NOT_FOUND', `${formatPath(path)} does not exist`)
  if (path[path.length - 1] === newKey) return ok([])
  const expected = withValue(withValue(data, path, undefined), [...path.slice(0, -1), newKey], current)
  const next = editChecked(text, block, expected, (source, format) => {
    if (format === 'yaml') return yamlRename(source, path, newKey)
    if (format === 'toml') return tomlRename(source, path, newKey)
    return jsonRename(source, path, newKey)
  }, `rename ${formatPath(path)}`)
  return next.ok ? ok(changeBetween(text, next.value)) : next
}
