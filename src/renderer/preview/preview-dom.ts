import { shiftLine, type LineShift, type UnitData, type UnitPatch } from '@shared/markdown/preview-model'

/** One unit on the page: its top-level nodes, its elements with `data-source-line` (document order), its first line. */
interface DomUnit {
  nodes: ChildNode[]
  marks: HTMLElement[]
  line: number
}

/**
 * A long unit's sanitized HTML in parts, so no one step sanitizes and parses all of it: `shell` is the unit with an
 * empty container (the first element matching the selector `into`), and each `next()` answers the sanitized HTML of
 * the container's next children, null after the last. In one string the parts go at `shell` index `at`.
 */
export interface UnitParts {
  shell: string
  into: string
  at: number
  next: () => string | null
}

/** The HTML of `parts` in one string, every part taken: the shell with the parts where they go. */
export function joinParts(parts: UnitParts): string {
  const pieces: string[] = []
  for (let part = parts.next(); part !== null; part = parts.next()) pieces.push(part)
  return parts.shell.slice(0, parts.at) + pieces.join('') + parts.shell.slice(parts.at)
}

/** How the page applies patches: the sanitizer of a unit, and how long one slice of work may hold the thread. */
export interface PreviewDomOptions {
  /** The sanitized HTML of a unit, whole or in parts (the page's DOMPurify; never raw). */
  sanitize: (unit: UnitData) => string | UnitParts
  /** A slice of patch work stops once it has run this long (after at least `minSteps` steps); default 8 ms. */
  budgetMs?: number
  minSteps?: number
  /** Runs the next slice later; default a zero timeout, so input and frames run in between. */
  defer?: (next: () => void) => void
  now?: () => number
}

const emptyUnit = (): DomUnit => ({ nodes: [], marks: [], line: 0 })

/** The first element of `nodes` or under them that matches `selector`; null when none does. */
function containerIn(nodes: readonly ChildNode[], selector: string): Element | null {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const element = node as Element
    const found = element.matches(selector) ? element : element.querySelector(selector)
    if (found !== null) return found
  }
  return null
}

/** The elements of `nodes` and under them that carry `data-source-line`, in document order. */
function marksIn(nodes: readonly ChildNode[]): HTMLElement[] {
  const marks: HTMLElement[] = []
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const element = node as HTMLElement
    if (element.hasAttribute('data-source-line')) marks.push(element)
    marks.push(...element.querySelectorAll<HTMLElement>('[data-source-line]'))
  }
  return marks
}

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
  /** The new units of the current insert op, off the page until the op ends. */
  private pending: DocumentFragment
  /** The unit being built in parts (its shell parsed, its container filled a part per step); null when none. */
  private building: { data: UnitData; unit: DomUnit; container: Element; parts: UnitParts; before: HTMLElement[]; inside: HTMLElement[]; after: HTMLElement[] } | null = null
  private isPumping = false
  private isScheduled = false
  private readonly options: Required<PreviewDomOptions>

  constructor(
    readonly root: HTMLElement,
    options: PreviewDomOptions,
  ) {
    this.pending = root.ownerDocument.createDocumentFragment()
    this.options = { budgetMs: 8, minSteps: 4, defer: (next) => setTimeout(next, 0), now: () => performance.now(), ...options }
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
    this.header = this.parse(html)
    this.root.insertBefore(this.fragmentOf(this.header), this.root.firstChild)
  }

  /** Empties the page (no article). */
  clear(): void {
    this.queue.length = 0
    this.pending.replaceChildren()
    this.building = null
    this.isStarted = false
    this.done = []
    this.rest = []
    this.restAt = 0
    this.header = emptyUnit()
    this.headerHtml = null
    this.root.replaceChildren()
  }

  /** Queues `patch` (a reset drops the queue and the page's units first) and applies what fits in this slice. */
  apply(patch: UnitPatch): void {
    if (patch.isReset) {
      this.queue.length = 0
      for (const unit of [...this.done, ...this.rest.slice(this.restAt)]) for (const node of unit.nodes) node.remove()
      this.done = []
      this.rest = []
      this.restAt = 0
      this.isStarted = false
      this.pending.replaceChildren()
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
    const count = this.unitCount()
    let low = 0
    let high = count - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (this.unitAt(middle).line <= line) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    for (let at = found; at >= 0; at--) {
      let best: HTMLElement | null = null
      let bestLine = -1
      for (const element of this.unitAt(at).marks) {
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
      const started = this.options.now()
      for (let steps = 1; this.queue.length > 0; steps++) {
        this.step()
        if (steps >= this.options.minSteps && this.options.now() - started > this.options.budgetMs && this.queue.length > 0) {
          this.schedule()
          return
        }
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

  /** One step of the current patch: up to 200 kept or removed units, or one inserted unit (or one part of it). */
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
    const left = (op.kind === 'insert' ? op.units.length : op.count) - this.opDone
    const count = op.kind === 'insert' ? 1 : Math.min(left, 200)
    if (op.kind === 'keep') {
      for (const unit of this.rest.slice(this.restAt, this.restAt + count)) this.done.push(patch.shift === null ? unit : this.moved(unit, patch.shift))
      this.restAt += count
    } else if (op.kind === 'remove') {
      for (const unit of this.rest.slice(this.restAt, this.restAt + count)) for (const node of unit.nodes) node.remove()
      this.restAt += count
    } else {
      const unit = this.insert(op.units[this.opDone])
      if (unit === null) return
      this.done.push(unit)
    }
    if (count < left) {
      this.opDone += count
      return
    }
    // NOTE: a run of new units joins the page at once when its op ends: the slices before it change nothing on
    // screen, so the browser lays out and paints the preview once per run, not once per slice (a whole article
    // after a reset is one run).
    if (op.kind === 'insert') this.root.insertBefore(this.pending, this.nextNode())
    this.op++
    this.opDone = 0
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

  /** The unit of `data` once it is built, off the page in `pending`; null while a unit in parts has parts to go. */
  private insert(data: UnitData): DomUnit | null {
    if (this.building?.data !== data) {
      const html = this.options.sanitize(data)
      if (typeof html === 'string') return this.added({ ...this.parse(html), line: data.line })
      const unit = { ...this.parse(html.shell), line: data.line }
      const container = containerIn(unit.nodes, html.into)
      // NOTE: a shell without its container would be a sanitizer's bug; the parts then go in as one string.
      if (container === null) return this.added({ ...this.parse(joinParts(html)), line: data.line })
      // NOTE: the marks are gathered as the parts come (a long list's marks in one query at the end cost a long task):
      // the shell's own marks before and after the container, and each part's, keep document order.
      const shellMarks = unit.marks
      const isBefore = (mark: HTMLElement): boolean => mark === container || (mark.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
      this.building = { data, unit, container, parts: html, before: shellMarks.filter(isBefore), inside: [], after: shellMarks.filter((mark) => !isBefore(mark)) }
      return null
    }
    const { unit, container, parts, before, inside, after } = this.building
    const part = parts.next()
    if (part !== null) {
      const template = this.root.ownerDocument.createElement('template')
      template.innerHTML = part
      inside.push(...marksIn([...template.content.childNodes]))
      container.append(template.content)
      return null
    }
    this.building = null
    return this.added({ ...unit, marks: [...before, ...inside, ...after] })
  }

  private added(unit: DomUnit): DomUnit {
    this.pending.append(...unit.nodes)
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

  private parse(html: string): DomUnit {
    const template = this.root.ownerDocument.createElement('template')
    template.innerHTML = html
    const nodes = [...template.content.childNodes]
    return { nodes, marks: marksIn(nodes), line: 0 }
  }

  private fragmentOf(unit: DomUnit): DocumentFragment {
    const fragment = this.root.ownerDocument.createDocumentFragment()
    fragment.append(...unit.nodes)
    return fragment
  }
}
