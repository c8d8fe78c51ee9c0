import fs from 'node:fs'
import path from 'node:path'
import { EditorState } from '@codemirror/state'
import { PreviewModel, splitResetPatch } from '@shared/markdown/preview-model'
import { frontMatterState } from '../../../../src/renderer/editor/extensions/front-matter-state'
import { PreviewDom } from '../../../../src/renderer/preview/preview-dom'
import { previewBodyOf, previewHeaderHtml, renderPreviewHtml, sanitizePreviewHeader, sanitizePreviewUnit, sanitizePreviewUnitParts } from '../../../../src/renderer/preview/render-preview'
import { lastBlockAtOrAbove } from '../../../../src/renderer/preview/scroll-sync'

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures')
const sample = fs.readFileSync(path.join(fixtures, 'front-matter/is-k-rising-un-warns.md'), 'utf8')
const xss = (JSON.parse(fs.readFileSync(path.join(fixtures, 'xss-vectors.json'), 'utf8')) as { markdown: string }[]).map((v) => v.markdown)
const crafted = [
  '---\ntitle: "Crafted"\ntags: [a, b]\n---\n\n# Intro\n\n## Intro\n\nText[^1] with a [ref][r] and <kbd>raw</kbd>.\n',
  '<details>\n<summary>More</summary>\n\nInside *md*.\n\n</details>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> [!NOTE]\n> An alert.\n',
  '{{< figure src="x.png" >}}\n\n- [ ] task\n- [x] done\n\nTerm\n: Definition\n\n[r]: https://example.org/r\n[^1]: The note.\n\n```go\nfunc main() {}\n```\n',
  'More[^2] and more[^3] and ![img](https://images.example/i.png "t")[^1].\n\n[^2]: Two, with a list:\n\n    - a\n    - b\n\n[^3]: Three ![pic](https://images.example/p.png).\n',
].join('\n')
/** An article with `count` footnotes, so its footnote list goes on the page in several parts. */
function footnoted(count: number): string {
  const parts = ['---\ntitle: "Notes"\n---\n']
  for (let n = 1; n <= count; n++) parts.push(`Paragraph ${n} with a note.[^${n}]\n\n[^${n}]: Note ${n}, *emphasis* and a [link](https://example.org/${n}).\n`)
  return parts.join('\n')
}
const snippets = ['x', ' word', '\n', '\n\n', '## Heading\n', '# Intro\n', '[^1]', '[^2]: Two.\n', '<details>\n', '</details>\n', '```\n', '- item\n', '> quote\n', '<!--', '-->', '<b>', '\n---\n', 'title: x\n']

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [frontMatterState()] })
}

/** A preview page driven like the live one: a model, a PreviewDom whose slices run when the test says. */
function page() {
  const root = document.createElement('main')
  const slices: (() => void)[] = []
  const dom = new PreviewDom(root, { sanitize: (unit) => sanitizePreviewUnitParts(unit), budgetMs: 0, minSteps: 1, defer: (next) => slices.push(next) })
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

function fresh(text: string): string {
  const p = page()
  p.render(text, true)
  p.run()
  return p.root.innerHTML
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
        expect(live.root.innerHTML).toBe(fresh(text))
      }
    }
    live.run()
    expect(live.root.innerHTML).toBe(fresh(text))
  })

  it.each([
    ['the sample article', sample],
    ['crafted Markdown', crafted],
    ['hostile HTML', xss.slice(0, 40).join('\n\n')],
    ['a long footnote list', footnoted(60)],
  ])('renders %s as the one-pass preview does (same sanitizer, same notices)', (_name, text) => {
    const reference = document.createElement('main')
    reference.innerHTML = renderPreviewHtml(stateOf(text))
    expect(fresh(text)).toBe(reference.innerHTML)
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
    const dom = new PreviewDom(whole, { sanitize: (unit) => sanitizePreviewUnit(unit), budgetMs: Infinity })
    const { body, lineOffset } = previewBodyOf(stateOf(text))
    dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(stateOf(text))))
    dom.apply(new PreviewModel().update(body, { lineOffset }, true))
    expect(whole.innerHTML).toBe(live.root.innerHTML)
    const place = (root: HTMLElement, element: HTMLElement | null) => (element === null ? -1 : [...root.querySelectorAll('[data-source-line]')].indexOf(element))
    const lines = text.split('\n').length
    for (let line = 0; line <= lines + 1; line++) expect(place(live.root, live.dom.blockAtOrAbove(line))).toBe(place(whole, dom.blockAtOrAbove(line)))
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
    const live = page()
    const text = footnoted(60)
    live.render(text, true)
    // NOTE: budget 0 and one step per slice: the render runs the first step, every slice one more.
    let slices = 0
    while (live.root.querySelector('.footnotes') === null && slices < 1000) {
      live.run(1)
      slices++
    }
    // 60 paragraphs, then the list: its shell, 15 parts of 4 items, and the step that ends it.
    expect(1 + slices).toBe(60 + 17)
    expect(live.root.querySelectorAll('.footnote-item')).toHaveLength(60)
    live.run()
    expect(live.dom.isSettled).toBe(true)
    const reference = document.createElement('main')
    reference.innerHTML = renderPreviewHtml(stateOf(text))
    expect(live.root.innerHTML).toBe(reference.innerHTML)
  })

  it('drops a footnote list half built when the next article resets the page', () => {
    const live = page()
    live.render(footnoted(60), true)
    live.run(70)
    const next = footnoted(20).replace('Paragraph 1 ', 'First paragraph ')
    live.render(next, true)
    live.run()
    expect(live.root.innerHTML).toBe(fresh(next))
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
    expect(live.root.innerHTML).toBe(fresh(text))
    const edited = previewBodyOf(stateOf(text.replace('Paragraph 3 ', 'Paragraph three ')))
    const edit = model.update(edited.body, { lineOffset: edited.lineOffset })
    expect(splitResetPatch(edit, 7)).toEqual([edit])
  })
})
