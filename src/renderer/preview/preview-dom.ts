import { shiftLine, type LineShift, type UnitData, type UnitPatch } from '@shared/markdown/preview-model'
import { joinParts, parseUnit, UnitInParts, type DomUnit, type UnitParts } from './dom-unit'
import { StepSizer } from './step-sizer'
import { blockAtOrAboveIn, blocksAroundTop, lineAtTopOf } from './unit-search'
import { chunksOf, chunkTag, defaultChunkNodes, insertInChunks, isChunk, noteChunkOf, setChunkMargin, tidyChunks } from './preview-chunks'
import { ChunkHeights, type ObserveSizes } from './chunk-heights'

/** How the page applies patches: the sanitizer of units, and how long one slice of work may hold the thread. */
export interface PreviewDomOptions {
  /**
   * The sanitized HTML of each of `units`, whole or in parts (the page's DOMPurify; never raw): the same as for each
   * unit alone, however many come at once (several in one pass are cheaper).
   */
  sanitize: (units: readonly UnitData[]) => (string | UnitParts)[]
  /**
   * A slice of patch work ends before a step that would take it past this, judged by the last step (after at least
   * `minSteps` steps); steps are sized to half of it from the time the last ones took (see StepSizer). Default 8 ms.
   */
  budgetMs?: number
  minSteps?: number
  /** Runs the next slice later; default a zero timeout, so input and frames run in between. */
  defer?: (next: () => void) => void
  now?: () => number
  /** Top-level nodes a chunk of the body gets (see preview-chunks.ts); default defaultChunkNodes. */
  chunkNodes?: number
  /** How chunk and page sizes are observed for height estimates (ChunkHeights); default a ResizeObserver, null none. */
  observeSizes?: ObserveSizes | null
}

const emptyUnit = (): DomUnit => ({ nodes: [], marks: [], line: 0 })
/** A unit's size for step sizing: its HTML's length. */
const unitChars = (unit: UnitData): number => unit.blocks.reduce((sum, block) => sum + block.html.length, 0)

/**
 * The preview's rendered article in the frame: the header, then the body's units, each a run of top-level nodes.
 * Patches from the body renderer are applied in order, a slice at a time (only the units that changed are
 * sanitized and replaced; kept units only have their `data-source-line` moved), so a long article never holds the
 * main thread for long. Also finds the block of a source line for scroll sync without scanning the document.
 */
export class PreviewDom {
  private header = emptyUnit()
  private headerHtml: string | null = null
  /** The units on the page: `done` are the new render's so far, `rest` from `restAt` the old ones still to visit. */
  private done: DomUnit[] = []
  private rest: DomUnit[] = []
  private restAt = 0
  private readonly queue: UnitPatch[] = []
  /** The current patch: started (its old units moved to `rest`), at op `op`, `opDone` of its units visited. */
  private isStarted = false
  private op = 0
  private opDone = 0
  /**
   * The new units of the current insert op, off the page until the op ends (the last `pendingCount` of `done`), in
   * chunks as they come (so a whole article is not cut into chunks in one step when it joins the page).
   */
  private pending: DocumentFragment
  private pendingCount = 0
  /** The unit being built in parts (its shell parsed, its container filled a part per step); null when none. */
  private building: UnitInParts | null = null
  /** The chunks (see preview-chunks.ts) the current op took nodes from or put nodes in, tidied when it ends. */
  private readonly touched = new Set<HTMLElement>()
  private isPumping = false
  private isScheduled = false
  private readonly options: Required<Omit<PreviewDomOptions, 'observeSizes'>>
  private readonly sizer: StepSizer
  private readonly heights: ChunkHeights

  constructor(
    readonly root: HTMLElement,
    options: PreviewDomOptions,
  ) {
    this.pending = root.ownerDocument.createDocumentFragment()
    const { observeSizes, ...rest } = options
    this.options = { budgetMs: 8, minSteps: 1, defer: (next) => setTimeout(next, 0), now: () => performance.now(), chunkNodes: defaultChunkNodes, ...rest }
    this.sizer = new StepSizer(this.options.budgetMs / 2)
    this.heights = observeSizes === undefined ? new ChunkHeights(root) : new ChunkHeights(root, observeSizes)
  }

  /** Stops observing the page's sizes (the page is no longer used). */
  dispose(): void {
    this.heights.dispose()
  }

  /** True when every patch received has been applied. */
  get isSettled(): boolean {
    return this.queue.length === 0
  }

  /** Shows `html` (sanitized) as the header, replacing the last one only when it differs. */
  setHeader(html: string): void {
    if (html === this.headerHtml) return
    this.headerHtml = html
    for (const node of this.header.nodes) node.remove()
    this.header = parseUnit(this.root.ownerDocument, html, 0)
    this.root.insertBefore(this.fragmentOf(this.header), this.root.firstChild)
    let first = this.root.firstElementChild
    while (first !== null && !isChunk(first)) first = first.nextElementSibling
    if (isChunk(first)) setChunkMargin(first)
  }

  /** Empties the page (no article). */
  clear(): void {
    this.queue.length = 0
    this.pending.replaceChildren()
    this.pendingCount = 0
    this.building = null
    this.isStarted = false
    this.done = []
    this.rest = []
    this.restAt = 0
    this.header = emptyUnit()
    this.headerHtml = null
    this.touched.clear()
    this.heights.reset()
    this.root.replaceChildren()
  }

  /** Queues `patch` (a reset drops the queue and the page's units first) and applies what fits in this slice. */
  apply(patch: UnitPatch): void {
    if (patch.isReset) {
      this.queue.length = 0
      // NOTE: every node of the body is in a chunk; the header's are not.
      for (const chunk of chunksOf(this.root)) chunk.remove()
      this.heights.reset()
      this.touched.clear()
      this.done = []
      this.rest = []
      this.restAt = 0
      this.isStarted = false
      this.pending.replaceChildren()
      this.pendingCount = 0
      this.building = null
    }
    this.queue.push(patch)
    this.pump()
  }

  /**
   * The element with the greatest `data-source-line` not after `line` (the first in document order on a tie),
   * searched by the units' first lines (binary search) instead of every element of the page; null when none.
   */
  blockAtOrAbove(line: number): HTMLElement | null {
    return blockAtOrAboveIn(this.unitCount(), (index) => this.unitAt(index), line)
  }

  /**
   * The source line of the block at the top of the page's viewport (`top` in its pixels): as sourceLineAtTop over
   * the page, but measuring only the chunks and blocks around it (blocksAroundTop, lineAtTopOf); units built but not
   * yet on the page are skipped.
   */
  lineAtTop(top = 1): number | null {
    const units = [this.header, ...this.done.slice(0, this.done.length - this.pendingCount), ...this.rest.slice(this.restAt)]
    const around = blocksAroundTop(units, chunksOf(this.root), top)
    const first = around.units[0]?.marks[0]
    if (around.before !== null && (first === undefined || first.getBoundingClientRect().top > top)) return lineAtTopOf([{ nodes: [], marks: [around.before], line: 0 }], Infinity)
    return lineAtTopOf(around.units, top)
  }

  /** Units in page order: the header, then the body's (new ones so far, then the old ones not yet visited). */
  private unitCount(): number {
    return 1 + this.done.length + this.rest.length - this.restAt
  }

  private unitAt(index: number): DomUnit {
    if (index === 0) return this.header
    const at = index - 1
    return (at < this.done.length ? this.done[at] : this.rest[this.restAt + at - this.done.length]) ?? emptyUnit()
  }

  private pump(): void {
    if (this.isPumping) return
    this.isPumping = true
    try {
      const { budgetMs, minSteps, now } = this.options
      const started = now()
      for (let steps = 1, stepStarted = started; this.queue.length > 0; steps++) {
        this.step()
        const at = now()
        // NOTE: the slice ends before a step that would take it past the budget: steps are sized to half of it, but
        // none is smaller than a pass of the sanitizer is worth, so one that took longer counts as long as it took.
        if (steps >= minSteps && at - started + Math.max(at - stepStarted, budgetMs / 2) > budgetMs && this.queue.length > 0) {
          this.schedule()
          return
        }
        stepStarted = at
      }
    } finally {
      this.isPumping = false
    }
  }

  private schedule(): void {
    if (this.isScheduled) return
    this.isScheduled = true
    this.options.defer(() => {
      this.isScheduled = false
      this.pump()
    })
  }

  /** One step of the current patch: up to 200 kept or removed units, or inserted units (or one part of one) as sized. */
  private step(): void {
    const patch = this.queue[0]
    if (patch === undefined) return
    if (!this.isStarted) {
      this.isStarted = true
      this.rest = this.done
      this.restAt = 0
      this.done = []
      this.op = 0
      this.opDone = 0
    }
    const op = patch.ops[this.op]
    if (op === undefined) {
      this.queue.shift()
      this.isStarted = false
      this.rest = []
      this.restAt = 0
      return
    }
    const total = op.kind === 'insert' ? op.units.length : op.count
    let count = Math.min(total - this.opDone, 200)
    if (op.kind === 'keep') {
      for (const unit of this.rest.slice(this.restAt, this.restAt + count)) this.done.push(patch.shift === null ? unit : this.moved(unit, patch.shift))
      this.restAt += count
    } else if (op.kind === 'remove') {
      for (const unit of this.rest.slice(this.restAt, this.restAt + count)) {
        for (const node of unit.nodes) {
          noteChunkOf(node, this.touched)
          node.remove()
        }
      }
      this.restAt += count
    } else {
      count = this.insertSome(op.units)
    }
    this.opDone += count
    if (this.opDone < total) return
    // NOTE: a run of new units joins the page at once when its op ends: the slices before it change nothing on
    // screen, so the browser lays out and paints the preview once per run, not once per slice (a whole article
    // after a reset is one run).
    if (op.kind === 'insert') insertInChunks(this.root, this.pending, this.nextNode(), this.touched, this.options.chunkNodes)
    if (this.touched.size > 0) tidyChunks(this.root, this.touched, this.options.chunkNodes, this.heights)
    this.pendingCount = 0
    this.op++
    this.opDone = 0
  }

  /**
   * Builds the next units of `units` (from `opDone`), off the page in `pending`: as many as the sizer's characters, in
   * one call of the sanitizer, or the next part of a unit in parts. Answers how many units it finished.
   */
  private insertSome(units: readonly UnitData[]): number {
    const { now } = this.options
    const started = now()
    if (this.building !== null) {
      const part = this.building.parts.next(this.sizer.chars)
      if (part !== null) {
        this.building.add(part)
        this.sizer.learn(part.length, now() - started)
        return 0
      }
      this.done.push(this.added(this.building.finish()))
      this.building = null
      return 1
    }
    const run: UnitData[] = []
    let chars = 0
    for (let at = this.opDone; at < units.length; at++) {
      const unit = units[at]
      const size = unit === undefined ? 0 : unitChars(unit)
      if (unit === undefined || (run.length > 0 && chars + size > this.sizer.chars)) break
      run.push(unit)
      chars += size
    }
    const clean = this.options.sanitize(run)
    let count = 0
    for (const [i, html] of clean.entries()) {
      const data = run[i]
      if (data === undefined) break
      // NOTE: a unit in parts is built over the next steps; units sanitized after it (none in practice: the footnote
      // list is the body's last block) are sanitized again once it is done.
      const doc = this.root.ownerDocument
      this.building = typeof html === 'string' ? null : UnitInParts.start(doc, html, data.line)
      if (this.building !== null) break
      // NOTE: a shell without its container would be a sanitizer's bug; the parts then go in as one string.
      this.done.push(this.added(parseUnit(doc, typeof html === 'string' ? html : joinParts(html), data.line)))
      count++
    }
    // NOTE: a run that started a unit in parts spent its time on the shell only; it says nothing of the rate.
    if (count === run.length) this.sizer.learn(chars, now() - started)
    return count
  }

  /** A kept unit with its lines moved by `shift` (lines of unchanged text always have a place). */
  private moved(unit: DomUnit, shift: LineShift): DomUnit {
    for (const element of unit.marks) {
      const value = Number(element.getAttribute('data-source-line'))
      const line = shiftLine(value, shift)
      if (line !== null && line !== value) element.setAttribute('data-source-line', String(line))
    }
    return { ...unit, line: shiftLine(unit.line, shift) ?? unit.line }
  }

  private added(unit: DomUnit): DomUnit {
    this.pendingCount++
    const size = this.options.chunkNodes
    const last = this.pending.lastChild
    let chunk: HTMLElement
    if (isChunk(last) && last.childNodes.length < size) chunk = last
    else {
      // NOTE: a full chunk gets its estimated height now, a step at a time, not all of them when the run joins the page.
      if (isChunk(last)) this.heights.estimate(last)
      chunk = this.root.ownerDocument.createElement(chunkTag)
      this.pending.append(chunk)
    }
    chunk.append(...unit.nodes)
    return unit
  }

  /** The first node of the old units still to visit, where inserted units go; null at the end. */
  private nextNode(): ChildNode | null {
    for (let at = this.restAt; at < this.rest.length; at++) {
      const first = this.rest[at]?.nodes[0]
      if (first !== undefined) return first
    }
    return null
  }

  private fragmentOf(unit: DomUnit): DocumentFragment {
    const fragment = this.root.ownerDocument.createDocumentFragment()
    fragment.append(...unit.nodes)
    return fragment
  }
}
