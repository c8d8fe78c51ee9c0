import type { DomUnit } from './dom-unit'

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
