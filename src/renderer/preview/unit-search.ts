import type { DomUnit } from './dom-unit'
import { chunkTag } from './preview-chunks'

/**
 * The element with the greatest `data-source-line` not after `line` (the first in document order on a tie) among
 * `count` units in page order (`unitAt`), searched by the units' first lines (binary search) instead of every
 * element of the page; null when none.
 */
export function blockAtOrAboveIn(count: number, unitAt: (index: number) => DomUnit, line: number): HTMLElement | null {
  let low = 0
  let high = count - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (unitAt(middle).line <= line) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  for (let at = found; at >= 0; at--) {
    let best: HTMLElement | null = null
    let bestLine = -1
    for (const element of unitAt(at).marks) {
      const value = Number(element.dataset.sourceLine)
      if (value <= line && value > bestLine) {
        best = element
        bestLine = value
      }
    }
    if (best !== null) return best
  }
  return null
}

/** A source line from a `data-source-line` value: a positive whole number, else null. */
function lineOf(element: HTMLElement | undefined): number | null {
  const line = Number(element?.dataset.sourceLine)
  return Number.isInteger(line) && line > 0 ? line : null
}

/**
 * The source line of the block at the top of the viewport, for units in page order: the last element with
 * `data-source-line` (document order) whose top is at or above `top` (viewport pixels), else the first one; null when
 * there is none. The same answer as scanning every block, but it measures only a binary search's worth of units (by
 * their first block) and the marks of the unit it lands in, where a scan measured all 20,000 blocks of a 1 MB
 * article on every frame of a preview scroll.
 */
export function lineAtTopOf(units: readonly DomUnit[], top: number): number | null {
  const marked = units.filter((unit) => unit.marks.length > 0)
  let low = 0
  let high = marked.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const first = marked[middle]?.marks[0]
    if (first !== undefined && first.getBoundingClientRect().top <= top) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  if (found < 0) return lineOf(marked[0]?.marks[0])
  let chosen: HTMLElement | undefined
  for (const mark of marked[found]?.marks ?? []) if (mark.getBoundingClientRect().top <= top) chosen = mark
  return lineOf(chosen)
}

/** The blocks that can be at the viewport's top on a page in chunks: see blocksAroundTop. */
export interface AroundTop {
  /** The units' marks in the chunk at the top (a unit that starts in the chunk before brings only its marks inside). */
  units: DomUnit[]
  /** The last marked block before that chunk (the answer when the viewport's top lies above its first block); null when none. */
  before: HTMLElement | null
}

/**
 * The blocks that can be at the viewport's `top` on a page in `chunks` (preview-chunks.ts): those of the last chunk
 * whose top is at or above `top` (the first chunk when none is), and the block before them. NOTE: lineAtTopOf alone
 * assumes the blocks' tops grow in page order, which a chunk the browser skips breaks: it keeps its estimated height
 * while its blocks, measured, take their real one, so they may reach past the chunks after it. The chunks' own tops
 * always grow in page order, and within one chunk its blocks' do. With no chunks, every unit with marks.
 */
export function blocksAroundTop(units: readonly DomUnit[], chunks: readonly Element[], top: number): AroundTop {
  const marked = units.filter((unit) => unit.marks.length > 0)
  if (chunks.length === 0) return { units: marked, before: null }
  let low = 0
  let high = chunks.length - 1
  let at = 0
  while (low <= high) {
    const middle = (low + high) >> 1
    const chunk = chunks[middle]
    if (chunk !== undefined && chunk.getBoundingClientRect().top <= top) {
      at = middle
      low = middle + 1
    } else high = middle - 1
  }
  const order = new Map(chunks.map((chunk, index) => [chunk, index]))
  const chunkOf = (mark: HTMLElement | undefined): number => {
    const chunk = mark?.closest(chunkTag)
    return chunk ? (order.get(chunk) ?? -1) : -1
  }
  /** The first unit whose first mark's chunk is at least `index` (these never decrease in page order). */
  const firstFrom = (index: number): number => {
    let from = 0
    let to = marked.length
    while (from < to) {
      const middle = (from + to) >> 1
      if (chunkOf(marked[middle]?.marks[0]) < index) from = middle + 1
      else to = middle
    }
    return from
  }
  const start = firstFrom(at)
  const end = firstFrom(at + 1)
  const inside = (unit: DomUnit): DomUnit => ({ ...unit, marks: unit.marks.filter((mark) => chunkOf(mark) === at) })
  const straddling = marked[start - 1]
  const before = straddling?.marks.filter((mark) => chunkOf(mark) < at).at(-1) ?? null
  // NOTE: the last unit may go on into the next chunk; only its marks inside this one count.
  const own = [...(straddling === undefined ? [] : [inside(straddling)]), ...marked.slice(start, end).map((unit, i) => (start + i === end - 1 ? inside(unit) : unit))]
  return { units: own.filter((unit) => unit.marks.length > 0), before }
}
