import { EditorState } from '@codemirror/state'
import { PreviewModel } from '@shared/markdown/preview-model'
import { frontMatterState } from '../../../../src/renderer/editor/extensions/front-matter-state'
import { PreviewDom } from '../../../../src/renderer/preview/preview-dom'
import { previewBodyOf, previewHeaderHtml, sanitizePreviewHeader, sanitizePreviewUnits } from '../../../../src/renderer/preview/render-preview'
import { sourceLineAtTop } from '../../../../src/renderer/preview/scroll-sync'
import { lineAtTopOf } from '../../../../src/renderer/preview/unit-search'

/** An article of `count` sections (heading, paragraph, list, sometimes a quotation and a code block). */
function article(count: number, word = 'Paragraph'): string {
  const parts = ['---\ntitle: "Sections"\n---\n']
  for (let n = 1; n <= count; n++) parts.push(`## Section ${n}\n\n${word} ${n}.\n\n- a\n- b\n${n % 3 === 0 ? '\n> quoted\n>\n> more\n' : ''}${n % 4 === 0 ? '\n```\ncode\n```\n' : ''}`)
  return parts.join('\n')
}

/** A page driven like the live one, its slices run when the test says (budget 0: a unit or two per step). */
function page() {
  const root = document.createElement('main')
  const slices: (() => void)[] = []
  const dom = new PreviewDom(root, { sanitize: (units) => sanitizePreviewUnits(units), budgetMs: 0, minSteps: 1, defer: (next) => slices.push(next) })
  const model = new PreviewModel()
  return {
    root,
    dom,
    render(text: string, isReset = false) {
      const state = EditorState.create({ doc: text, extensions: [frontMatterState()] })
      dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(state)))
      const { body, lineOffset } = previewBodyOf(state)
      dom.apply(model.update(body, { lineOffset }, isReset))
    },
    run(count = Infinity) {
      for (let i = 0; i < count && slices.length > 0; i++) slices.shift()?.()
    },
  }
}

/**
 * Lays the page out for jsdom: each block on the page 10 px below the one before it (document order), less `scrollY`;
 * a block off the page (built, not yet added) at 0, as a browser gives a detached element; a chunk at its first
 * block. Counts the elements measured.
 */
function layOut(root: HTMLElement, scrollY: number): { measured: () => number } {
  const tops = new Map<Element, number>([...root.querySelectorAll('[data-source-line]')].map((element, at) => [element, at * 10]))
  for (const chunk of root.querySelectorAll('folio-chunk')) tops.set(chunk, tops.get(chunk.querySelector('[data-source-line]') ?? chunk) ?? 0)
  let measured = 0
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    measured++
    const top = root.contains(this) ? (tops.get(this) ?? 0) - scrollY : 0
    return { top, bottom: top + 10, left: 0, right: 0, width: 0, height: 10, x: 0, y: top, toJSON: () => ({}) }
  })
  return { measured: () => measured }
}

describe('the line at the top of the preview', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is the one a scan of every block finds, from a few blocks measured', () => {
    const live = page()
    live.render(article(300), true)
    live.run()
    const blocks = live.root.querySelectorAll('[data-source-line]').length
    expect(blocks).toBeGreaterThan(1000)
    for (const scrollY of [-50, 0, 3, 10, 1234, 5005, blocks * 10 - 5, blocks * 10 + 100]) {
      const layout = layOut(live.root, scrollY)
      const line = live.dom.lineAtTop(1)
      // NOTE: a binary search over ~1,000 units measures their first blocks (about 10) and the blocks of one unit.
      expect(layout.measured()).toBeLessThan(30)
      expect(line).toBe(sourceLineAtTop(live.root, 1))
      vi.restoreAllMocks()
    }
  })

  it('counts only the blocks on the page while an edit is still being applied', () => {
    const live = page()
    const text = article(120)
    live.render(text, true)
    live.run()
    live.render(text.replace('## Section 60\n', `${article(40, 'Inserted').replace(/^---[^]*?---\n/, '')}\n## Section 60\n`))
    for (let slice = 0; slice < 400; slice++) {
      for (const scrollY of [0, 2000, 4000, 6000, 9000]) {
        layOut(live.root, scrollY)
        expect(live.dom.lineAtTop(1)).toBe(sourceLineAtTop(live.root, 1))
        vi.restoreAllMocks()
      }
      if (live.dom.isSettled) break
      live.run(1)
    }
    expect(live.dom.isSettled).toBe(true)
  })

  it('is found in the chunk at the top when blocks of chunks the browser skipped reach past the chunks after them', () => {
    const live = page()
    live.render(article(300), true)
    live.run()
    const chunks = [...live.root.querySelectorAll('folio-chunk')]
    expect(chunks.length).toBeGreaterThan(8)
    // Each chunk is laid out 400 px tall (its estimate) while its blocks, 10 px apart, take more than that: a scan in
    // page order finds blocks of chunks far above the viewport's top.
    const tops = new Map<Element, number>()
    for (const [index, chunk] of chunks.entries()) {
      tops.set(chunk, index * 400)
      for (const [at, mark] of [...chunk.querySelectorAll('[data-source-line]')].entries()) tops.set(mark, index * 400 + at * 10)
    }
    let wholeWrong = 0
    const blocks = [...live.root.querySelectorAll<HTMLElement>('folio-chunk > *')].map((element) => ({ nodes: [element], marks: [element, ...element.querySelectorAll<HTMLElement>('[data-source-line]')].filter((mark) => mark.hasAttribute('data-source-line')), line: 0 }))
    for (const scrollY of [0, 395, 1230, 2000, 2805]) {
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
        const top = (tops.get(this) ?? 0) - scrollY
        return { top, bottom: top + 10, left: 0, right: 0, width: 0, height: 10, x: 0, y: top, toJSON: () => ({}) }
      })
      const chunk = chunks[Math.floor((scrollY + 1) / 400)]
      const inChunk = [...(chunk?.querySelectorAll<HTMLElement>('[data-source-line]') ?? [])].filter((mark) => (tops.get(mark) ?? 0) - scrollY <= 1)
      const expected = inChunk.at(-1) ?? [...(chunk?.previousElementSibling?.querySelectorAll<HTMLElement>('[data-source-line]') ?? [])].at(-1)
      expect(live.dom.lineAtTop(1)).toBe(Number(expected?.dataset.sourceLine))
      expect(live.dom.lineAtTop(1)).toBe(sourceLineAtTop(live.root, 1))
      // A binary search over the whole page's blocks, as before chunks, is misled by the blocks of skipped chunks.
      if (lineAtTopOf(blocks, 1) !== Number(expected?.dataset.sourceLine)) wholeWrong++
      vi.restoreAllMocks()
    }
    expect(wholeWrong).toBeGreaterThan(0)
  })

  it('is null on an empty page', () => {
    const live = page()
    expect(live.dom.lineAtTop(1)).toBeNull()
  })
})
