import fs from 'node:fs'
import path from 'node:path'
import { EditorState } from '@codemirror/state'
import { PreviewModel, splitResetPatch, type UnitData } from '@shared/markdown/preview-model'
import { frontMatterState } from '../../../../src/renderer/editor/extensions/front-matter-state'
import { joinParts, type UnitParts } from '../../../../src/renderer/preview/dom-unit'
import { PreviewDom } from '../../../../src/renderer/preview/preview-dom'
import { tidyChunks } from '../../../../src/renderer/preview/preview-chunks'
import { ChunkHeights } from '../../../../src/renderer/preview/chunk-heights'
import { previewBodyOf, previewHeaderHtml, renderPreviewHtml, sanitizePreviewHeader, sanitizePreviewUnit, sanitizePreviewUnits } from '../../../../src/renderer/preview/render-preview'
import { lastBlockAtOrAbove } from '../../../../src/renderer/preview/scroll-sync'
import { unchunked } from './unchunked'

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures')
const sample = fs.readFileSync(path.join(fixtures, 'front-matter/is-k-rising-un-warns.md'), 'utf8')
const xss = (JSON.parse(fs.readFileSync(path.join(fixtures, 'xss-vectors.json'), 'utf8')) as { markdown: string }[]).map((v) => v.markdown)
const crafted = [
  '---\ntitle: "Crafted"\ntags: [a, b]\n---\n\n# Intro\n\n## Intro\n\nText[^1] with a [ref][r] and <kbd>raw</kbd>.\n',
  '<details>\n<summary>More</summary>\n\nInside *md*.\n\n</details>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> [!NOTE]\n> An alert.\n',
  '{{< figure src="x.png" >}}\n\n- [ ] task\n- [x] done\n\nTerm\n: Definition\n\n[r]: https://example.org/r\n[^1]: The note.\n\n```go\nfunc main() {}\n```\n',
  'More[^2] and more[^3] and ![img](https://images.example/i.png "t")[^1].\n\n[^2]: Two, with a list:\n\n    - a\n    - b\n\n[^3]: Three ![pic](https://images.example/p.png).\n',
].join('\n')
/**
 * An article with `count` footnotes, so its footnote list goes on the page in several parts. NOTE: the page reuses
 * the sanitized items of the last list it built; a test that must sanitize them afresh gives its notes a `word` of its own.
 */
function footnoted(count: number, word = 'Note'): string {
  const parts = ['---\ntitle: "Notes"\n---\n']
  for (let n = 1; n <= count; n++) parts.push(`Paragraph ${n} with a note.[^${n}]\n\n[^${n}]: ${word} ${n}, *emphasis* and a [link](https://example.org/${n}).\n`)
  return parts.join('\n')
}
const snippets = ['x', ' word', '\n', '\n\n', '## Heading\n', '# Intro\n', '[^1]', '[^2]: Two.\n', '<details>\n', '</details>\n', '```\n', '- item\n', '> quote\n', '<!--', '-->', '<b>', '\n---\n', 'title: x\n']

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [frontMatterState()] })
}

/**
 * A preview page driven like the live one: a model, a PreviewDom whose slices run when the test says. Budget 0 makes
 * the smallest steps (a unit or two), Infinity one step for a whole patch (every unit in one sanitizer pass).
 */
function page(budgetMs = 0, chunkNodes?: number) {
  const root = document.createElement('main')
  const slices: (() => void)[] = []
  const dom = new PreviewDom(root, { sanitize: (units) => sanitizePreviewUnits(units), budgetMs, minSteps: 1, defer: (next) => slices.push(next), ...(chunkNodes === undefined ? {} : { chunkNodes }) })
  const model = new PreviewModel()
  return {
    root,
    dom,
    render(text: string, isReset = false) {
      const state = stateOf(text)
      dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(state)))
      const { body, lineOffset } = previewBodyOf(state)
      dom.apply(model.update(body, { lineOffset }, isReset))
    },
    /** Runs up to `count` deferred slices (all by default). */
    run(count = Infinity) {
      for (let i = 0; i < count && slices.length > 0; i++) slices.shift()?.()
    },
  }
}

function fresh(text: string, budgetMs = 0): string {
  const p = page(budgetMs)
  p.render(text, true)
  p.run()
  return unchunked(p.root)
}

/** A seeded pseudo-random source (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * An element's place among a page's marked blocks (-1 for none). NOTE: the page is listed once per check, not once per
 * source line: listing the whole page per line (jsdom's querySelectorAll) was 17% of this file's profile samples.
 */
function placesIn(root: HTMLElement): (element: HTMLElement | null) => number {
  const marked: Element[] = [...root.querySelectorAll('[data-source-line]')]
  return (element) => (element === null ? -1 : marked.indexOf(element))
}

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1))
  if (next() < 0.3) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 20)))
  return text.slice(0, at) + (snippets[Math.floor(next() * snippets.length)] ?? '') + text.slice(at)
}

describe('the incremental preview', () => {
  it.each([
    ['the sample article', sample, 11],
    ['crafted Markdown', crafted, 12],
    ['hostile HTML', xss.slice(0, 24).join('\n\n'), 13],
    ['a long footnote list', footnoted(60), 14],
  ])('shows %s after random edits exactly as a full render does', (_name, start, seed) => {
    const next = random(seed)
    const live = page()
    live.render(start, true)
    live.run()
    let text = start
    for (let step = 0; step < 12; step++) {
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) text = edit(text, next)
      live.render(text)
      // NOTE: sometimes the next patch arrives while this one is still being applied, a slice at a time.
      live.run(next() < 0.3 ? 1 : Infinity)
      if (step === 5) {
        live.run()
        expect(unchunked(live.root)).toBe(fresh(text))
      }
    }
    live.run()
    expect(unchunked(live.root)).toBe(fresh(text))
  })

  it.each([
    ['the sample article', sample],
    ['crafted Markdown', crafted],
    ['hostile HTML', xss.slice(0, 40).join('\n\n')],
    ['a long footnote list', footnoted(60, 'Remark')],
  ])('renders %s as the one-pass preview does (same sanitizer, same notices), in one step or in small ones', (_name, text) => {
    const reference = document.createElement('main')
    reference.innerHTML = renderPreviewHtml(stateOf(text))
    // NOTE: one step first, so the footnote items are sanitized in one pass, not taken from the small steps' list.
    expect(fresh(text, Infinity)).toBe(reference.innerHTML)
    expect(fresh(text)).toBe(reference.innerHTML)
  })

  it.each([
    ['the sample article', sample, 21],
    ['crafted Markdown', crafted, 22],
    ['hostile HTML', xss.slice(0, 40).join('\n\n'), 23],
    ['a long footnote list', footnoted(60), 24],
  ])('sanitizes the units of %s in batches exactly as one by one, through random edits', (_name, start, seed) => {
    // NOTE: footnote items sanitized in one pass are compared in sanitize-apart.test.ts (here the second way to
    // sanitize a list reuses the first one's items).
    const next = random(seed)
    let text = start
    const joined = (html: string | UnitParts): string => (typeof html === 'string' ? html : joinParts(html))
    for (let step = 0; step < 5; step++) {
      const { body, lineOffset } = previewBodyOf(stateOf(text))
      const units = new PreviewModel().update(body, { lineOffset }, true).ops.flatMap((op) => (op.kind === 'insert' ? op.units : []))
      const alone = units.map((unit) => sanitizePreviewUnit(unit))
      expect(sanitizePreviewUnits(units).map(joined)).toEqual(alone)
      const size = 1 + Math.floor(next() * 6)
      for (let at = 0; at < units.length; at += size) expect(sanitizePreviewUnits(units.slice(at, at + size)).map(joined)).toEqual(alone.slice(at, at + size))
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) text = edit(text, next)
    }
  })

  it('finds the block of a source line as a scan of the whole page does', () => {
    const live = page()
    live.render(sample, true)
    live.run()
    const lines = sample.split('\n').length
    for (let line = 0; line <= lines + 1; line++) expect(live.dom.blockAtOrAbove(line)).toBe(lastBlockAtOrAbove(live.root, line))
  })

  it('finds the same blocks in a footnote list built in parts as in one built from one string', () => {
    const text = footnoted(60)
    const live = page()
    live.render(text, true)
    live.run()
    const whole = document.createElement('main')
    const dom = new PreviewDom(whole, { sanitize: (units) => units.map((unit) => sanitizePreviewUnit(unit)), budgetMs: Infinity })
    const { body, lineOffset } = previewBodyOf(stateOf(text))
    dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(stateOf(text))))
    dom.apply(new PreviewModel().update(body, { lineOffset }, true))
    expect(unchunked(whole)).toBe(unchunked(live.root))
    const [livePlace, wholePlace] = [live.root, whole].map(placesIn)
    const lines = text.split('\n').length
    for (let line = 0; line <= lines + 1; line++) expect(livePlace(live.dom.blockAtOrAbove(line))).toBe(wholePlace(dom.blockAtOrAbove(line)))
  })

  it('keeps the nodes of units an edit did not touch, and moves their source lines', () => {
    const live = page()
    const text = 'A.\n\nB.\n\nC.\n'
    live.render(text, true)
    live.run()
    const [a, , c] = [...live.root.querySelectorAll('p')]
    live.render(text.replace('B.', 'B.\n\nB2.'))
    live.run()
    const after = [...live.root.querySelectorAll('p')]
    expect(after[0]).toBe(a)
    expect(after.at(-1)).toBe(c)
    expect(c?.getAttribute('data-source-line')).toBe('7')
  })

  it('puts a long footnote list on the page a few items per step, the list whole once its last part is in', () => {
    const text = footnoted(60)
    const root = document.createElement('main')
    const slices: (() => void)[] = []
    const parts: string[] = []
    const sanitize = (units: readonly UnitData[]) =>
      sanitizePreviewUnits(units).map((html) => (typeof html === 'string' ? html : { ...html, next: (maxChars: number) => record(html.next(maxChars)) }))
    const record = (part: string | null) => {
      if (part !== null) parts.push(part)
      // While parts come, the page shows nothing of the list (nor of the run of units it ends).
      expect(root.querySelector('.footnotes')).toBeNull()
      return part
    }
    const dom = new PreviewDom(root, { sanitize, budgetMs: 0, defer: (next) => slices.push(next) })
    const { body, lineOffset } = previewBodyOf(stateOf(text))
    dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(stateOf(text))))
    dom.apply(new PreviewModel().update(body, { lineOffset }, true))
    while (slices.length > 0) slices.shift()?.()
    // The smallest steps (budget 0) take about 1,024 characters of items (5 or 6 items) per part.
    expect(parts.length).toBeGreaterThan(8)
    expect(parts.join('').match(/class="footnote-item"/g)).toHaveLength(60)
    expect(dom.isSettled).toBe(true)
    const reference = document.createElement('main')
    reference.innerHTML = renderPreviewHtml(stateOf(text))
    expect(unchunked(root)).toBe(reference.innerHTML)
  })

  it('sizes its steps by the time they take (a fake clock), so no slice passes its budget, and batches the sanitizer', () => {
    const text = footnoted(120, 'Aside')
    let clock = 0
    let msPerChar = 0.01
    let calls = 0
    const charge = (html: string | null): string | null => {
      clock += (html?.length ?? 0) * msPerChar
      return html
    }
    // NOTE: a unit costs by the length of its HTML before sanitizing (what the page sizes steps by), a part by its own.
    const sanitize = (units: readonly UnitData[]) => {
      calls++
      return sanitizePreviewUnits(units).map((html, i) => {
        if (typeof html !== 'string') return { ...html, next: (maxChars: number) => charge(html.next(maxChars)) }
        charge(units[i]?.blocks.map((block) => block.html).join('') ?? '')
        return html
      })
    }
    const root = document.createElement('main')
    const slices: (() => void)[] = []
    const dom = new PreviewDom(root, { sanitize, budgetMs: 24, now: () => clock, defer: (next) => slices.push(next) })
    const { body, lineOffset } = previewBodyOf(stateOf(text))
    dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(stateOf(text))))
    const model = new PreviewModel()
    const lengths: number[] = []
    const timed = (run: () => void) => {
      const start = clock
      run()
      lengths.push(clock - start)
    }
    timed(() => dom.apply(model.update(body, { lineOffset }, true)))
    // Part way, the machine gets 1.5 times slower: the next slice may run one step of the old size, then steps shrink
    // (to no fewer than 1,024 characters, about 19 ms here).
    for (let i = 0; slices.length > 0; i++) {
      if (i === 10) msPerChar *= 1.5
      timed(() => slices.shift()?.())
    }
    expect(dom.isSettled).toBe(true)
    expect(lengths.length).toBeGreaterThan(20)
    const slow = lengths.slice(11)
    expect(Math.max(...lengths.slice(0, 11))).toBeLessThanOrEqual(24.001)
    expect(slow[0]).toBeLessThanOrEqual(12 * 1.5 + 12)
    expect(Math.max(...slow.slice(1))).toBeLessThanOrEqual(24.001)
    // 120 paragraphs and the list's shell went through far fewer sanitizer passes than one per unit.
    expect(calls).toBeLessThan(121 / 3)
    const reference = document.createElement('main')
    reference.innerHTML = renderPreviewHtml(stateOf(text))
    expect(unchunked(root)).toBe(reference.innerHTML)
  })

  it('drops a footnote list half built when the next article resets the page', () => {
    const live = page()
    live.render(footnoted(60), true)
    live.run(70)
    const next = footnoted(20).replace('Paragraph 1 ', 'First paragraph ')
    live.render(next, true)
    live.run()
    expect(unchunked(live.root)).toBe(fresh(next))
  })

  it('shows a first render sent in parts as the one patch shows it, and sends the patch of an edit whole', () => {
    const text = footnoted(30)
    const { body, lineOffset } = previewBodyOf(stateOf(text))
    const model = new PreviewModel()
    const patch = model.update(body, { lineOffset }, true)
    const parts = splitResetPatch(patch, 7)
    // 30 paragraphs and the footnote list.
    expect(parts.length).toBe(Math.ceil(31 / 7))
    const live = page()
    live.dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(stateOf(text))))
    for (const part of parts) live.dom.apply(part)
    live.run()
    expect(unchunked(live.root)).toBe(fresh(text))
    const edited = previewBodyOf(stateOf(text.replace('Paragraph 3 ', 'Paragraph three ')))
    const edit = model.update(edited.body, { lineOffset: edited.lineOffset })
    expect(splitResetPatch(edit, 7)).toEqual([edit])
  })
})

describe('the preview body in chunks', () => {
  /** Checks the page's chunk rules: the header's nodes, then chunks only, none empty, none over twice `size` nodes, and none small beside a neighbour it would fit in. */
  function expectChunked(root: HTMLElement, size: number): HTMLElement[] {
    const children = [...root.childNodes]
    const first = children.findIndex((node) => node.nodeName === 'FOLIO-CHUNK')
    const chunks = children.slice(first) as HTMLElement[]
    expect(chunks.every((node) => node.nodeName === 'FOLIO-CHUNK')).toBe(true)
    for (const [i, chunk] of chunks.entries()) {
      const count = chunk.childNodes.length
      expect(count).toBeGreaterThan(0)
      expect(count).toBeLessThanOrEqual(2 * size)
      if (count < size / 4) for (const other of [chunks[i - 1], chunks[i + 1]]) expect((other?.childNodes.length ?? Infinity) + count).toBeGreaterThan(2 * size)
    }
    return chunks
  }
  const article = [crafted, footnoted(24).replace(/^---[^]*?---\n/, '')].join('\n')

  it.each([[5, 31], [3, 33]])('keeps every block in chunks of about %i nodes through random edits that insert and remove across chunk edges', (size, seed) => {
    const next = random(seed)
    const live = page(0, size)
    live.render(article, true)
    live.run()
    expectChunked(live.root, size)
    let text = article
    let straddles = 0
    for (let step = 0; step < 10; step++) {
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) text = edit(text, next)
      if (next() < 0.3) text = text.replace(/\n\n/, '\n\nA new paragraph.\n\nAnd another.\n\n')
      if (next() < 0.2) text = text.replace(/Paragraph \d+ with a note\.\[\^\d+\]\n\n/, '')
      live.render(text)
      live.run(next() < 0.3 ? 1 : Infinity)
      live.run()
      const chunks = expectChunked(live.root, size)
      // A chunk starting on the newline after a block: the unit of that block lies across a chunk edge.
      straddles += chunks.filter((chunk) => chunk.firstChild?.nodeType === 3).length
      // The same page as a fresh one in one chunk, and the same block for a source line (its place among the marked blocks).
      const whole = page(Infinity, 1e6)
      whole.render(text, true)
      whole.run()
      expect(unchunked(live.root)).toBe(unchunked(whole.root))
      const [livePlace, wholePlace] = [live.root, whole.root].map(placesIn)
      const lines = text.split('\n').length
      for (let line = 0; line <= lines + 1; line += 3) expect(livePlace(live.dom.blockAtOrAbove(line))).toBe(wholePlace(whole.dom.blockAtOrAbove(line)))
    }
    expect(straddles).toBeGreaterThan(0)
  })

  it('puts a whole article in chunks of the given size, and a reset takes the old chunks away', () => {
    const live = page(Infinity, 10)
    live.render(footnoted(60), true)
    live.run()
    const chunks = expectChunked(live.root, 10)
    // Filled in tens as the units come (a unit's nodes stay together), the last one with what is left over.
    const sizes = chunks.map((chunk) => chunk.childNodes.length)
    expect(sizes.slice(0, -1).every((size) => size >= 10 && size <= 12)).toBe(true)
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(10 / 4)
    expect(chunks.length).toBeGreaterThan(8)
    expect(live.root.firstElementChild?.nodeName).not.toBe('FOLIO-CHUNK')
    const next = footnoted(8, 'Other')
    live.render(next, true)
    live.run()
    expect(chunks.some((chunk) => chunk.isConnected)).toBe(false)
    expect(expectChunked(live.root, 10).length).toBeLessThanOrEqual(2)
    expect(unchunked(live.root)).toBe(fresh(next))
    live.render('')
    live.run()
    expect(live.root.querySelectorAll('folio-chunk')).toHaveLength(0)
  })

  it('gives a chunk a top margin that makes the space between blocks what it is without chunks, measuring each edge shape once', () => {
    // NOTE: a frame document of its own, as the preview has: margins are remembered per document and edge shape.
    const frame = document.createElement('iframe')
    document.body.append(frame)
    const doc = frame.contentDocument
    const view = frame.contentWindow
    if (doc === null || view === null) throw new Error('no frame document')
    const style = doc.createElement('style')
    style.textContent = '.m p { margin: 16px 0 } .m h2 { margin: 30px 0 10px } .m hr { margin: 32px 0 } .m blockquote { margin: 12px 0 } .m .pad { padding-top: 2px } .m header { margin-bottom: 25px }'
    doc.head.append(style)
    const measured = vi.spyOn(view, 'getComputedStyle')
    try {
      const cases: [string, string, string][] = [
        // The block above, the first block of the chunk, the margin the chunk takes.
        ['<p>a</p>', '<h2>b</h2>', '-16px'],
        ['<hr>', '<h2>b</h2>', '-30px'],
        ['<p>a</p>', '<p>b</p>', '-16px'],
        // Margins collapse through a quotation's edge onto its first and last paragraphs' (the larger wins).
        ['<blockquote><p>a</p></blockquote>', '<blockquote>\n<p>b</p></blockquote>', '-16px'],
        // Padding keeps the inner margin inside: only the quotation's own 12 px meets the paragraph's 16.
        ['<p>a</p>', '<blockquote class="pad"><p>b</p></blockquote>', '-12px'],
        // Text before the inner block keeps its margin in.
        ['<p>a</p>', '<blockquote>text<p>b</p></blockquote>', '-12px'],
      ]
      const tidy = () => {
        for (const [above, first, margin] of cases) {
          const root = doc.createElement('main')
          root.className = 'm'
          doc.body.append(root)
          root.innerHTML = `<folio-chunk>${above}</folio-chunk><folio-chunk>${first}</folio-chunk>`
          const chunks = root.querySelectorAll<HTMLElement>('folio-chunk')
          tidyChunks(root, new Set(chunks), 2, new ChunkHeights(root, null))
          expect(chunks[1]?.getAttribute('style')).toContain(`margin-top: ${margin}`)
          // The first chunk has nothing above it: the page's own rule takes its first block's margin.
          expect(chunks[0]?.style.marginTop).toBe('')
          root.remove()
        }
      }
      tidy()
      expect(measured).toHaveBeenCalled()
      // The same shapes again (new elements): nothing measured.
      measured.mockClear()
      tidy()
      expect(measured).not.toHaveBeenCalled()
      // After the header, through PreviewDom: its bottom margin meets the first block's.
      const root = doc.createElement('main')
      root.className = 'm'
      doc.body.append(root)
      const dom = new PreviewDom(root, { sanitize: (units) => sanitizePreviewUnits(units), budgetMs: Infinity })
      const state = stateOf('---\ntitle: "T"\n---\n\nFirst.\n')
      dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(state)))
      const { body, lineOffset } = previewBodyOf(state)
      dom.apply(new PreviewModel().update(body, { lineOffset }, true))
      expect(root.querySelector('folio-chunk')?.getAttribute('style')).toContain('margin-top: -16px')
    } finally {
      frame.remove()
    }
  })
})
