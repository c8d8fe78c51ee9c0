import { renderMarkdown, type RenderedBlock, type RenderOptions } from './render'
import { groupUnits, type PreviewUnit } from './preview-units'

/**
 * How the file lines of unchanged text move between two renders: lines up to `through` move by `low` (the front
 * matter grew or shrank), lines from `from` on by `high`; lines between were edited and have no counterpart.
 */
export interface LineShift {
  through: number
  low: number
  from: number
  high: number
}

/** A unit as it crosses to the page: its blocks (their HTML joined is the unit's HTML), first line and place. */
export interface UnitData {
  line: number
  blocks: RenderedBlock[]
  isLast: boolean
}

/** One step over the page's current units, in order: keep the next `count` (moving their lines), drop them, or add. */
export type UnitOp = { kind: 'keep'; count: number } | { kind: 'remove'; count: number } | { kind: 'insert'; units: UnitData[] }

/**
 * What turns the page's units into the new render's: with `isReset` the page starts from nothing; `shift` (null when
 * no line moved) applies to every kept unit's `data-source-line` values.
 */
export interface UnitPatch {
  isReset: boolean
  shift: LineShift | null
  ops: UnitOp[]
}

/**
 * A reset patch as several, each adding at most `maxUnits` units after the ones before it, so no one message (and no
 * one copy of it into the page) carries a whole long article; other patches come back alone. Applied in order they
 * give the page of the one patch.
 */
export function splitResetPatch(patch: UnitPatch, maxUnits: number): UnitPatch[] {
  const units = patch.ops.flatMap((op) => (op.kind === 'insert' ? op.units : []))
  if (!patch.isReset || units.length <= maxUnits || patch.ops.some((op) => op.kind !== 'insert')) return [patch]
  const patches: UnitPatch[] = []
  for (let at = 0; at < units.length; at += maxUnits) {
    const insert: UnitOp = { kind: 'insert', units: units.slice(at, at + maxUnits) }
    patches.push(at === 0 ? { isReset: true, shift: null, ops: [insert] } : { isReset: false, shift: null, ops: [{ kind: 'keep', count: at }, insert] })
  }
  return patches
}

/** Where `line` (an old file line) is now, or null when it was edited. */
export function shiftLine(line: number, shift: LineShift): number | null {
  if (line <= shift.through) return line + shift.low
  if (line >= shift.from) return line + shift.high
  return null
}

function newlines(text: string, from = 0, to = text.length): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** The line shift between two bodies (and their line offsets in the file), from their common start and end. */
export function lineShiftBetween(before: string, after: string, offsetBefore: number, offsetAfter: number): LineShift {
  const max = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
  const low = offsetAfter - offsetBefore
  const end = before.length - suffix
  const endAfter = after.length - suffix
  // NOTE: a line keeps its text after the edit when its start lies in the common end and is a line start in both
  // texts (an insertion ending in a newline, typed at a line start, moves that line down); lines that start before
  // the first changed character keep their numbers.
  const isLineStart = (end === 0 || before.charCodeAt(end - 1) === 10) && (endAfter === 0 || after.charCodeAt(endAfter - 1) === 10)
  const breakInSuffix = before.indexOf('\n', end)
  const fromLine = isLineStart ? 1 + newlines(before, 0, end) : breakInSuffix === -1 ? Infinity : 2 + newlines(before, 0, breakInSuffix)
  const through = Math.min(1 + newlines(before, 0, prefix), fromLine - 1) + offsetBefore
  if (fromLine === Infinity) return { through, low, from: Infinity, high: low }
  const delta = newlines(after, prefix, endAfter) - newlines(before, prefix, end)
  return { through, low, from: fromLine + offsetBefore, high: delta + low }
}

const sourceLine = /data-source-line="(\d+)"/g

/** A unit's HTML with its lines moved by `shift`; null when a line was edited, or a notice would name a moved line. */
function shiftedHtml(unit: PreviewUnit, shift: LineShift): string | null {
  const isMoved = unit.blocks.some((block) => shiftLine(block.line, shift) !== block.line)
  // NOTE: a unit with raw HTML may carry a "could not be shown safely (line N)" notice, whose text names its line.
  if (isMoved && unit.blocks.some((block) => block.raw !== '')) return null
  let isMapped = true
  const html = unit.html.replace(sourceLine, (_all, value: string) => {
    const line = shiftLine(Number(value), shift)
    if (line === null) isMapped = false
    return `data-source-line="${line}"`
  })
  return isMapped ? html : null
}

const keyOf = (unit: PreviewUnit, html: string): string => (unit.isLast ? '1' : '0') + html
const dataOf = (unit: PreviewUnit): UnitData => ({ line: unit.line, blocks: unit.blocks, isLast: unit.isLast })
// NOTE: how far the middle of a diff looks ahead for a unit it can keep; further matches are re-sent instead.
const lookahead = 8

/** Appends `op`, merging it into the last one of its kind. */
function push(ops: UnitOp[], op: UnitOp): void {
  const last = ops.at(-1)
  if (last?.kind === 'keep' && op.kind === 'keep') last.count += op.count
  else if (last?.kind === 'remove' && op.kind === 'remove') last.count += op.count
  else if (last?.kind === 'insert' && op.kind === 'insert') last.units.push(...op.units)
  else if (op.kind === 'insert' ? op.units.length > 0 : op.count > 0) ops.push(op)
}

/**
 * The preview's body model: renders the whole body (markdown-it over every block keeps references, footnotes and
 * heading ids exactly as a full render), groups it into units and answers the patch from the units it answered
 * last time, so the page sanitizes and replaces only what changed. Pure: runs in a worker or in the page.
 */
export class PreviewModel {
  private units: PreviewUnit[] = []
  private body: string | null = null
  private lineOffset = 0

  /** The last rendered body with [from, to) replaced by `insert`. Throws without one: a first request is whole. */
  bodyWith(from: number, to: number, insert: string): string {
    if (this.body === null || from < 0 || to < from || to > this.body.length) throw new Error('PreviewModel: an edit without the body it applies to')
    return this.body.slice(0, from) + insert + this.body.slice(to)
  }

  /** Renders `body` and returns the patch from the last render (from nothing when `isReset` or the first time). */
  update(body: string, options: RenderOptions, isReset = false): UnitPatch {
    const lineOffset = options.lineOffset ?? 0
    const next = groupUnits(renderMarkdown(body, options))
    const before = this.units
    const shift = isReset || this.body === null ? null : lineShiftBetween(this.body, body, this.lineOffset, lineOffset)
    this.units = next
    this.body = body
    this.lineOffset = lineOffset
    if (shift === null) return { isReset: true, shift: null, ops: next.length === 0 ? [] : [{ kind: 'insert', units: next.map(dataOf) }] }
    const isMoving = shift.low !== 0 || shift.high !== 0
    const oldKeys = new Map<number, string | null>()
    const oldKey = (at: number): string | null => {
      if (!oldKeys.has(at)) {
        const unit = before[at]
        const html = isMoving ? shiftedHtml(unit, shift) : unit.html
        oldKeys.set(at, html === null ? null : keyOf(unit, html))
      }
      return oldKeys.get(at) ?? null
    }
    const newKey = (at: number): string => keyOf(next[at], (next[at]).html)
    let head = 0
    while (head < before.length && head < next.length && oldKey(head) === newKey(head)) head++
    let tail = 0
    while (tail < before.length - head && tail < next.length - head && oldKey(before.length - 1 - tail) === newKey(next.length - 1 - tail)) tail++
    const ops: UnitOp[] = []
    push(ops, { kind: 'keep', count: head })
    this.diffMiddle(ops, { from: head, to: before.length - tail }, { from: head, to: next.length - tail }, oldKey, newKey)
    push(ops, { kind: 'keep', count: tail })
    return { isReset: false, shift: isMoving ? shift : null, ops }
  }

  /** The middle of a diff: keeps an old unit a new one equals within `lookahead`, re-sends the rest. */
  private diffMiddle(ops: UnitOp[], old: { from: number; to: number }, fresh: { from: number; to: number }, oldKey: (at: number) => string | null, newKey: (at: number) => string): void {
    const positions = new Map<string, number[]>()
    for (let at = old.from; at < old.to; at++) {
      const key = oldKey(at)
      if (key !== null) positions.set(key, [...(positions.get(key) ?? []), at])
    }
    let cursor = old.from
    for (let at = fresh.from; at < fresh.to; at++) {
      const match = positions.get(newKey(at))?.find((p) => p >= cursor && p - cursor <= lookahead)
      if (match === undefined) {
        push(ops, { kind: 'insert', units: [dataOf(this.units[at])] })
        continue
      }
      push(ops, { kind: 'remove', count: match - cursor })
      push(ops, { kind: 'keep', count: 1 })
      cursor = match + 1
    }
    push(ops, { kind: 'remove', count: old.to - cursor })
  }
}
