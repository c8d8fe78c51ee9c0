/**
 * The heights the preview's chunks (preview-chunks.ts) are taken to have until the browser first shows them
 * (`contain-intrinsic-size: auto <estimate>`; once shown, it keeps the real one). An estimate comes from each block's
 * text and the page's width (lines of ~7.4 px characters, a block's margins); the real heights of the chunks shown so
 * far correct it, per width: in a narrow pane a fixed rate per character was 25-35% low, and the content below jumped
 * as chunks came into view.
 */
export class ChunkHeights {
  /** The page's text width in pixels (its content box), null until the first report. */
  private width: number | null = null
  /** Per chunk not yet shown: the estimate it was given, the one before, and the uncorrected one it came from. */
  private readonly given = new WeakMap<HTMLElement, { px: number; before: number; raw: number }>()
  private readonly shown = new WeakSet<HTMLElement>()
  /** Per width (16 px steps): the sums of the real and the uncorrected heights of chunks shown at that width. */
  private readonly learned = new Map<number, { real: number; raw: number }>()
  /** The chunks given an estimate and not yet shown, so a new correction can reach them. */
  private unseen = new Set<HTMLElement>()
  private readonly observer: SizeObserver | null

  constructor(
    private readonly root: HTMLElement,
    observe: ObserveSizes | null = defaultObserver(root),
  ) {
    this.observer = observe === null ? null : observe((target, blockSize, inlineSize) => this.sized(target, blockSize, inlineSize))
    this.observer?.observe(root)
  }

  /** Gives `chunk` its estimated height from its current content (not for a chunk already shown: it keeps its real one). */
  estimate(chunk: HTMLElement): void {
    if (this.shown.has(chunk)) return
    const raw = rawHeight(chunk, this.width ?? this.guessWidth())
    const px = Math.round(raw * this.ratio())
    this.given.set(chunk, { px, before: this.given.get(chunk)?.px ?? px, raw })
    if (!this.unseen.has(chunk)) {
      this.unseen.add(chunk)
      this.observer?.observe(chunk)
    }
    chunk.style.setProperty('contain-intrinsic-size', `auto ${px}px`)
  }

  /** Stops following `chunk` (taken off the page). */
  forget(chunk: HTMLElement): void {
    if (this.unseen.delete(chunk)) this.observer?.unobserve(chunk)
  }

  /** Stops following every chunk (the page was emptied); learned corrections stay. */
  reset(): void {
    for (const chunk of this.unseen) this.observer?.unobserve(chunk)
    this.unseen = new Set()
  }

  /** Stops observing. */
  dispose(): void {
    this.reset()
    this.observer?.disconnect()
  }

  private sized(target: Element, blockSize: number, inlineSize: number): void {
    if (target === this.root) {
      const width = Math.round(inlineSize)
      if (width <= 0 || width === this.width) return
      this.width = width
      this.reestimate()
      return
    }
    const chunk = target as HTMLElement
    const given = this.given.get(chunk)
    // NOTE: a size other than the one given is the real one: the browser laid the chunk out (it came near the view).
    // The one given before may still come in a report made before the new one was set; a chunk off the page (built
    // in a fragment) reports 0.
    if (given === undefined || Math.abs(blockSize - given.px) < 1 || Math.abs(blockSize - given.before) < 1 || blockSize === 0 || !chunk.isConnected) return
    this.shown.add(chunk)
    this.given.delete(chunk)
    this.forget(chunk)
    if (this.width === null) return
    const raw = rawHeight(chunk, this.width)
    if (raw <= 0) return
    const before = this.ratio()
    const sums = this.learned.get(bucketOf(this.width)) ?? { real: 0, raw: 0 }
    sums.real += blockSize
    sums.raw += raw
    this.learned.set(bucketOf(this.width), sums)
    // NOTE: the chunks not yet shown get the new correction when it moved by more than a tenth (a page of chunks
    // re-estimated now and then, not on every chunk shown).
    if (Math.abs(this.ratio() / before - 1) > 0.1) this.reestimate()
  }

  private reestimate(): void {
    for (const chunk of this.unseen) {
      if (chunk.isConnected) this.estimate(chunk)
      else this.forget(chunk)
    }
  }

  /** Real over uncorrected height at the current width (1 until a chunk was shown at about this width). */
  private ratio(): number {
    if (this.width === null) return 1
    const sums = this.learned.get(bucketOf(this.width)) ?? nearest(this.learned, bucketOf(this.width))
    if (sums === undefined || sums.raw <= 0) return 1
    return Math.min(3, Math.max(1 / 3, sums.real / sums.raw))
  }

  private guessWidth(): number {
    // NOTE: before the first report, the frame's width less the page's padding (no layout is forced to read it).
    const view = this.root.ownerDocument.defaultView
    return Math.max(200, (view?.innerWidth ?? 800) - 60)
  }
}

/** A ResizeObserver's job reduced to what ChunkHeights needs (a test passes its own). */
export interface SizeObserver {
  observe(target: Element): void
  unobserve(target: Element): void
  disconnect(): void
}
/** Makes a SizeObserver that reports each observed element's border-box height and content-box width. */
export type ObserveSizes = (report: (target: Element, blockSize: number, inlineSize: number) => void) => SizeObserver

function defaultObserver(root: HTMLElement): ObserveSizes | null {
  // NOTE: the app's own ResizeObserver, not the frame's: the preview frame runs no script of its own.
  const Observer = typeof ResizeObserver === 'function' ? ResizeObserver : root.ownerDocument.defaultView?.ResizeObserver
  if (Observer === undefined) return null
  return (report) =>
    new Observer((entries) => {
      for (const entry of entries) {
        const border = entry.borderBoxSize[0]
        const content = entry.contentBoxSize[0]
        report(entry.target, border?.blockSize ?? entry.contentRect.height, content?.inlineSize ?? entry.contentRect.width)
      }
    })
}

const bucketOf = (width: number): number => Math.round(width / 16)

function nearest(learned: Map<number, { real: number; raw: number }>, bucket: number): { real: number; raw: number } | undefined {
  let best: { real: number; raw: number } | undefined
  let distance = Infinity
  for (const [at, sums] of learned) {
    if (Math.abs(at - bucket) < distance) {
      distance = Math.abs(at - bucket)
      best = sums
    }
  }
  return best
}

/** The text column's widest measure (`.preview > folio-chunk > *` has max-width 44rem). */
const maxColumnPx = 704
const charPx = 7.4
const linePx = 26.4
const blockMarginPx = 24

/**
 * A chunk's height from its blocks before correction: each block its lines (its text at ~7.4 px a character across
 * the column, at least one line per list item or table row, code blocks a line per line) and its margins.
 */
export function rawHeight(chunk: HTMLElement, width: number): number {
  const perLine = Math.max(8, Math.min(width, maxColumnPx) / charPx)
  let height = 0
  for (let block = chunk.firstElementChild; block !== null; block = block.nextElementSibling) {
    const text = block.textContent ?? ''
    let lines: number
    if (block.localName === 'pre') lines = countLines(text) * 0.9
    else lines = Math.max(1 + block.getElementsByTagName('li').length + block.getElementsByTagName('tr').length, Math.ceil(text.length / perLine))
    height += lines * linePx + blockMarginPx
  }
  return height
}

function countLines(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}
