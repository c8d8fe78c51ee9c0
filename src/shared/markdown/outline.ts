import { hugoAnchorName, uniqueId } from './heading-ids'

/** One heading of an article: its level (1-6), plain text, where its line starts (offset into the text) and line (1-based). */
export interface OutlineHeading {
  level: number
  text: string
  from: number
  line: number
  /** The anchor Hugo gives it (`{#id}` when written, else from the text), for jumping in the preview. */
  id: string
}

/** A heading with the headings nested under it (deeper levels until the next one at its level or above). */
export interface OutlineNode extends OutlineHeading {
  children: OutlineNode[]
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ID_BLOCK = /[ \t]*\{([^{}]*)\}[ \t]*$/

/**
 * The ATX (`## Title`) and setext (`Title` over `===` / `---`) headings of the body from `from` on (the front
 * matter is never scanned), skipping fenced code. Pure and linear in the text's length.
 */
export function extractOutline(text: string, from = 0): OutlineHeading[] {
  const scan = new OutlineScan(text, from)
  scan.advance(Infinity)
  return scan.headings
}

/**
 * The text an outline scan reads, a line at a time: a string, or a view of an editor's document that never copies
 * it whole. `lineEnd(at)` is the offset of the first line break at or after `at` (the length when none);
 * `lineNumber(at)` the 1-based line of `at`.
 */
export interface OutlineText {
  length: number
  lineEnd(at: number): number
  slice(from: number, to: number): string
  lineNumber(at: number): number
}

/** A string as an OutlineText. */
export function outlineTextOf(text: string): OutlineText {
  return { length: text.length, lineEnd: (at) => nextBreak(text, at), slice: (from, to) => text.slice(from, to), lineNumber: (at) => countLines(text, at) }
}

/**
 * extractOutline as a scan that can stop and go on: `advance(chars)` reads whole lines until about `chars` more
 * characters are read and says whether the text is done, so a long article's outline is built a slice at a time.
 */
export class OutlineScan {
  readonly headings: OutlineHeading[] = []
  private readonly taken = new Set<string>()
  private fence: string | null = null
  private paragraph = null as { from: number; line: number; text: string } | null
  private line: number
  private at: number
  private isDone = false

  private readonly text: OutlineText

  constructor(text: string | OutlineText, from = 0) {
    this.text = typeof text === 'string' ? outlineTextOf(text) : text
    this.at = from
    this.line = this.text.lineNumber(from)
  }

  /** Reads lines for about `chars` characters; true once the whole text is read. */
  advance(chars: number): boolean {
    const text = this.text
    const limit = this.at + chars
    while (!this.isDone && this.at <= limit) {
      const at = this.at
      const end = text.lineEnd(at)
      this.readLine(text.slice(at, end), at)
      if (end >= text.length) this.isDone = true
      this.at = end + 1
      this.line++
    }
    return this.isDone
  }

  private readLine(content: string, at: number): void {
    const line = this.line
    if (this.fence !== null) {
      if (isClosingFence(content, this.fence)) this.fence = null
      return
    }
    const paragraph = this.paragraph
    const opened = FENCE.exec(content)
    const atx = opened ? null : ATX.exec(content)
    const underline = opened || atx || paragraph === null ? null : SETEXT.exec(content)
    if (opened) {
      this.fence = opened[1] ?? null
      this.paragraph = null
    } else if (atx) {
      this.headings.push(heading(atx[1]?.length ?? 1, atx[2] ?? '', at, line, this.taken))
      this.paragraph = null
    } else if (underline && paragraph) {
      this.headings.push(heading(underline[1]?.startsWith('=') ? 1 : 2, paragraph.text, paragraph.from, paragraph.line, this.taken))
      this.paragraph = null
    } else if (content.trim() === '' || /^ {0,3}(?:[>*+-]|\d+[.)]|\||<)/.test(content) || /^(?: {4}|\t)/.test(content)) {
      // NOTE: only a plain one-line paragraph can be a setext heading's text here (a list item or quote cannot).
      this.paragraph = null
    } else {
      this.paragraph = paragraph === null ? { from: at, line, text: content.trim() } : { ...paragraph, text: `${paragraph.text} ${content.trim()}` }
    }
  }
}

/** Nests a flat outline: each heading holds the deeper ones that follow it. */
export function nestOutline(headings: readonly OutlineHeading[]): OutlineNode[] {
  const roots: OutlineNode[] = []
  const stack: OutlineNode[] = []
  for (const h of headings) {
    const node: OutlineNode = { ...h, children: [] }
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= h.level) stack.pop()
    const parent = stack.at(-1)
    if (parent) parent.children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/** The index of the heading whose section holds `offset` (the last heading starting at or before it), or -1. */
export function currentHeadingIndex(headings: readonly OutlineHeading[], offset: number): number {
  let low = 0
  let high = headings.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if ((headings[mid]?.from ?? 0) <= offset) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

function heading(level: number, raw: string, from: number, line: number, taken: Set<string>): OutlineHeading {
  const attributes = ID_BLOCK.exec(raw)
  const explicit = attributes?.[1]?.split(/\s+/).find((p) => p.startsWith('#'))?.slice(1)
  const text = plainText(attributes && explicit !== undefined ? raw.slice(0, attributes.index) : raw)
  const id = explicit !== undefined ? (taken.add(explicit), explicit) : uniqueId(hugoAnchorName(text), taken)
  return { level, text, from, line, id }
}

/** Drops inline Markdown marks a reader does not see: emphasis, code ticks, link targets, images. */
function plainText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .trim()
}

function isClosingFence(content: string, fence: string): boolean {
  const trimmed = content.trim()
  const mark = fence.charAt(0)
  return /^ {0,3}[`~]/.test(content) && trimmed.length >= fence.length && [...trimmed].every((c) => c === mark)
}

function nextBreak(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end === -1 ? text.length : end
}

function countLines(text: string, to: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) line++
  return line
}
