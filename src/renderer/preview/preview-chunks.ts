/**
 * The preview body's top-level nodes grouped into chunk elements (`<folio-chunk>`), so the browser's per-frame work
 * follows the chunks rather than the blocks: each chunk is contained (content-visibility, see frame-styles.ts), so a
 * chunk off screen is not styled, laid out or painted, and a patch to one block re-lays out one chunk, not the whole
 * article (a 1 MB article is ~10,000 top-level blocks, 58,000+ layout objects: 80-95 ms of style, layout, pre-paint
 * and paint per preview update, bench/keystroke.bench.mjs). The tag is not one the sanitizer lets through, so no
 * article can make one.
 */
export const chunkTag = 'folio-chunk'
/**
 * Top-level nodes (blocks and the whitespace between them) a new chunk gets by default: ~50 blocks, so a 1 MB article
 * has ~200 chunks. A chunk of more than twice `size` nodes is split into chunks of `size`; one of fewer than a
 * quarter of `size` joins a neighbour when the two fit in twice `size`.
 */
export const defaultChunkNodes = 100

export function isChunk(node: Node | null | undefined): node is HTMLElement {
  return node?.nodeType === 1 && (node as Element).localName === chunkTag
}

/**
 * Puts `incoming` (a fragment of new chunks, see PreviewDom) before `next` (a node in a chunk of `root`), or at the
 * end of the body when `next` is null, and notes the chunks it touched in `touched` for tidyChunks. A few nodes (no
 * more than `size`) go into the chunk of `next` (or the last one); more go in as their own chunks, the chunk of `next`
 * cut in two where they go.
 */
export function insertInChunks(root: HTMLElement, incoming: DocumentFragment, next: ChildNode | null, touched: Set<HTMLElement>, size = defaultChunkNodes): void {
  const chunks = [...incoming.children].filter((child): child is HTMLElement => isChunk(child))
  const count = chunks.reduce((sum, chunk) => sum + chunk.childNodes.length, 0)
  if (count === 0) {
    incoming.replaceChildren()
    return
  }
  const at = next === null ? null : next.parentElement
  if (count <= size) {
    let chunk = next === null ? lastChunk(root) : at
    if (!isChunk(chunk)) {
      // NOTE: body nodes live only in chunks; a body without chunks yet gets one.
      chunk = root.ownerDocument.createElement(chunkTag)
      root.append(chunk)
    }
    const nodes = root.ownerDocument.createDocumentFragment()
    for (const from of chunks) nodes.append(...from.childNodes)
    incoming.replaceChildren()
    chunk.insertBefore(nodes, next !== null && next.parentNode === chunk ? next : null)
    touched.add(chunk)
    return
  }
  for (const chunk of chunks) touched.add(chunk)
  if (next === null || !isChunk(at)) {
    const last = lastChunk(root)
    if (last !== null) touched.add(last)
    root.append(incoming)
    return
  }
  touched.add(at)
  if (next !== at.firstChild) {
    // NOTE: the nodes from `next` on go to a chunk of their own after the new ones.
    const rest = root.ownerDocument.createElement(chunkTag)
    const nodes: ChildNode[] = []
    for (let node: ChildNode | null = next; node !== null; node = node.nextSibling) nodes.push(node)
    rest.append(...nodes)
    at.after(rest)
    touched.add(rest)
    rest.before(incoming)
  } else at.before(incoming)
}

/** Notes the chunk of `node` in `touched` before the node is taken off the page. */
export function noteChunkOf(node: ChildNode, touched: Set<HTMLElement>): void {
  const chunk = node.parentElement
  if (isChunk(chunk)) touched.add(chunk)
}

/** The body's chunks, in page order. */
export function chunksOf(root: HTMLElement): HTMLElement[] {
  return [...root.children].filter((child): child is HTMLElement => isChunk(child))
}

function lastChunk(root: HTMLElement): HTMLElement | null {
  const last = root.lastElementChild
  return isChunk(last) ? last : null
}

/**
 * Keeps the `touched` chunks near `size` nodes (empty ones go, large ones are split, small ones join a neighbour, see
 * defaultChunkNodes), then sets the margin at the top of every chunk whose edge may have changed (see
 * marginAcross), and empties `touched`.
 */
export function tidyChunks(root: HTMLElement, touched: Set<HTMLElement>, size: number, heights: ChunkEstimates): void {
  const edges = new Set<HTMLElement>()
  for (const chunk of touched) {
    if (chunk.parentNode !== root) continue
    const count = chunk.childNodes.length
    if (count === 0) {
      const next = nextChunk(chunk)
      if (next !== null) edges.add(next)
      chunk.remove()
      heights.forget(chunk)
    } else if (count > 2 * size) {
      for (const part of split(chunk, size)) edges.add(part)
    } else if (count < size / 4) {
      const into = join(chunk, 2 * size)
      if (into !== chunk) heights.forget(chunk)
      edges.add(into)
    } else edges.add(chunk)
  }
  touched.clear()
  for (const chunk of [...edges]) {
    const next = nextChunk(chunk)
    if (next !== null) edges.add(next)
  }
  for (const chunk of edges) {
    if (chunk.parentNode !== root) continue
    setChunkMargin(chunk)
    // NOTE: a chunk's size is known once it was shown (contain-intrinsic-size: auto keeps it); until then an estimate
    // from its content keeps the page's length and the scroll bar near the truth (a chunk shown keeps its own).
    heights.estimate(chunk)
  }
}

/** Gives chunks their estimated heights until shown (ChunkHeights), and hears of chunks taken off the page. */
export interface ChunkEstimates {
  estimate(chunk: HTMLElement): void
  forget(chunk: HTMLElement): void
}


/** `chunk` cut into chunks of `size` nodes (the first one up to twice as many), which it answers in page order. */
function split(chunk: HTMLElement, size: number): HTMLElement[] {
  const parts = [chunk]
  const doc = chunk.ownerDocument
  // NOTE: from the end, `size` nodes at a time, so the work is linear in the chunk's size; a run of new units
  // (a whole article after a reset) is split in the step that puts it on the page, before the browser styles it.
  while (chunk.childNodes.length > 2 * size) {
    const nodes: ChildNode[] = []
    for (let node = chunk.lastChild; node !== null && nodes.length < size; node = node.previousSibling) nodes.push(node)
    const part = doc.createElement(chunkTag)
    part.append(...nodes.reverse())
    chunk.after(part)
    parts.splice(1, 0, part)
  }
  return parts
}

/** A small `chunk` joined to its smaller neighbour (when the two fit in one); answers the chunk that holds its nodes. */
function join(chunk: HTMLElement, max: number): HTMLElement {
  const before = previousChunk(chunk)
  const after = nextChunk(chunk)
  const count = chunk.childNodes.length
  const into = [before, after]
    .filter((other): other is HTMLElement => other !== null && other.childNodes.length + count <= max)
    .sort((a, b) => a.childNodes.length - b.childNodes.length)[0]
  if (into === undefined) return chunk
  if (into === before) into.append(...chunk.childNodes)
  else into.prepend(...chunk.childNodes)
  chunk.remove()
  return into
}

function nextChunk(chunk: HTMLElement): HTMLElement | null {
  const next = chunk.nextElementSibling
  return isChunk(next) ? next : null
}

function previousChunk(chunk: HTMLElement): HTMLElement | null {
  const previous = chunk.previousElementSibling
  return isChunk(previous) ? previous : null
}

/**
 * Sets `chunk`'s top margin so the space between its first block and the block before it is what it would be without
 * chunks. A chunk is contained, so it is a formatting context of its own: the bottom margin of the last block before
 * it (inside the previous chunk, or the header) and the top margin of its first block no longer collapse into one
 * (the larger of the two) but add up. A negative top margin on the chunk takes the difference back (the previous
 * chunk's margin is 0; the header's own bottom margin collapses with it, which comes to the same).
 */
export function setChunkMargin(chunk: HTMLElement): void {
  const previous = chunk.previousElementSibling
  const first = chunk.firstElementChild
  let margin = ''
  if (previous !== null && first !== null) {
    const above = isChunk(previous) ? previous.lastElementChild : previous
    if (above !== null) {
      const view = chunk.ownerDocument.defaultView
      const bottom = edgeMargins(above, 'bottom', view)
      const top = edgeMargins(first, 'top', view)
      const collapsed = Math.max(bottom.positive, top.positive) + Math.min(bottom.negative, top.negative)
      const added = bottom.positive + bottom.negative + top.positive + top.negative
      const difference = Math.round((collapsed - added) * 100) / 100
      if (difference !== 0) margin = `${difference}px`
    }
  }
  if (chunk.style.marginTop !== margin) chunk.style.marginTop = margin
}

interface Margins {
  positive: number
  negative: number
}

/**
 * The margins that collapse at `element`'s `side`: its own and those of the first (last) in-flow child, and so on down,
 * while nothing separates them (a border, padding, a formatting context of its own, or a line of text).
 */
function edgeMargins(element: Element, side: 'top' | 'bottom', view: Window | null): Margins {
  const margins = { positive: 0, negative: 0 }
  if (view === null) return margins
  // NOTE: getComputedStyle makes the browser bring the whole page's style up to date first (in a patch, right after
  // its changes): done at every chunk edge of every patch that cost 25-110 ms of CPU a task while a 1 MB article was
  // put on the page (bench/keystroke.bench.mjs, load 33). An edge's margins follow from its shape alone (see
  // edgeShape), and an article has few shapes, so each is measured once per frame document.
  const key = edgeShape(element, side)
  let known = knownMargins.get(element.ownerDocument)
  if (known === undefined) {
    known = new Map()
    knownMargins.set(element.ownerDocument, known)
  }
  const found = known.get(key)
  if (found !== undefined) return found
  known.set(key, margins)
  let at: Element | null = element
  for (let depth = 0; at !== null && depth < 8; depth++) {
    const style = view.getComputedStyle(at)
    const value = Number.parseFloat(side === 'top' ? style.marginTop : style.marginBottom)
    if (Number.isFinite(value)) {
      if (value > 0) margins.positive = Math.max(margins.positive, value)
      else margins.negative = Math.min(margins.negative, value)
    }
    if (!passesMargins(style, side) || laidOutApart.has(at.localName)) break
    at = edgeChild(at, side, view)
  }
  return margins
}

/** The margins measured for each edge shape (edgeShape), per frame document: its stylesheet is fixed. */
const knownMargins = new WeakMap<Document, Map<string, Margins>>()

/**
 * What decides the margins at `element`'s `side`, from the DOM alone: the elements down that edge (their names,
 * classes, inline styles, `hidden`) until text comes first, and the one after an element that may not be laid out
 * (inline style or `hidden`). The page's selectors see no more of a block than that (a block's own ancestors are
 * always the page and its chunk).
 */
function edgeShape(element: Element, side: 'top' | 'bottom'): string {
  const parts: string[] = [side]
  const shape = (at: Element): string => `${at.localName}.${at.getAttribute('class') ?? ''}[${at.getAttribute('style') ?? ''}]${at.hasAttribute('hidden') ? 'h' : ''}`
  let at: Element | null = element
  for (let depth = 0; at !== null && depth < 8; depth++) {
    parts.push(shape(at))
    if (at.hasAttribute('style') || at.hasAttribute('hidden')) {
      const after = side === 'top' ? at.nextElementSibling : at.previousElementSibling
      parts.push(after === null ? '-' : `+${shape(after)}`)
    }
    let next: Element | null = null
    const nodes = at.childNodes
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[side === 'top' ? i : nodes.length - 1 - i]
      if (node === undefined || node.nodeType === 8 || (node.nodeType === 3 && (node.textContent ?? '').trim() === '')) continue
      if (node.nodeType === 1) next = node as Element
      else parts.push('text')
      break
    }
    at = next
  }
  return parts.join('>')
}

/**
 * Elements whose children are not laid out as their own block children (a closed `<details>` keeps its content in
 * a hidden slot, a fieldset lays out its legend apart, form controls and media draw their own): no child margin
 * collapses through them.
 */
const laidOutApart = new Set(['details', 'fieldset', 'select', 'textarea', 'video', 'audio', 'object', 'iframe', 'button', 'math', 'svg'])

/** True when a block with `style` lets its first (last) child's margin collapse through its `side`. */
function passesMargins(style: CSSStyleDeclaration, side: 'top' | 'bottom'): boolean {
  const border = Number.parseFloat(side === 'top' ? style.borderTopWidth : style.borderBottomWidth) || 0
  const padding = Number.parseFloat(side === 'top' ? style.paddingTop : style.paddingBottom) || 0
  // NOTE: an empty value is the property's initial one (a DOM without layout, as in tests, leaves some unset).
  const is = (value: string, ...initial: string[]): boolean => value === '' || initial.includes(value)
  return (
    (style.display === 'block' || style.display === 'list-item') &&
    is(style.float, 'none') &&
    is(style.position, 'static', 'relative') &&
    is(style.overflowX, 'visible') &&
    is(style.overflowY, 'visible') &&
    is(style.contain, 'none') &&
    border === 0 &&
    padding === 0
  )
}

/** The first (last) in-flow child element of `element` when it is a block with nothing before (after) it; else null. */
function edgeChild(element: Element, side: 'top' | 'bottom', view: Window): Element | null {
  const nodes = element.childNodes
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[side === 'top' ? i : nodes.length - 1 - i]
    if (node === undefined || node.nodeType === 8) continue
    if (node.nodeType === 3) {
      if ((node.textContent ?? '').trim() === '') continue
      return null
    }
    if (node.nodeType !== 1) continue
    const child = node as Element
    const style = view.getComputedStyle(child)
    if (style.display === 'none' || style.position === 'absolute' || style.position === 'fixed' || (style.float !== '' && style.float !== 'none')) continue
    return style.display === 'block' || style.display === 'list-item' || style.display === 'table' ? child : null
  }
  return null
}
