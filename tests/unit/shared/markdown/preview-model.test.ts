import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { linearFootnoteTailPlugin } from '@shared/markdown/footnote-tail'
import { lineShiftBetween, PreviewModel, shiftLine, type UnitPatch } from '@shared/markdown/preview-model'
import { groupUnits, openElementsAfter } from '@shared/markdown/preview-units'
import { renderMarkdown } from '@shared/markdown'

const unitHtml = (body: string) => groupUnits(renderMarkdown(body)).map((u) => u.html)

describe('preview units', () => {
  it('makes one unit of each plain block, and one of raw HTML written around Markdown', () => {
    expect(unitHtml('# A\n\nText *b*.\n\n- one\n- two\n')).toHaveLength(3)
    const units = unitHtml('Before.\n\n<details>\n<summary>More</summary>\n\nInside *Markdown*.\n\n</details>\n\nAfter.\n')
    expect(units).toHaveLength(3)
    expect(units[1]).toContain('<details>')
    expect(units[1]).toContain('<em>Markdown</em>')
    expect(units[1]).toContain('</details>')
  })

  it('runs a unit to the end after raw HTML that swallows what follows, or leaves an element open', () => {
    expect(unitHtml('A\n\n<!-- open\n\nB\n\nC\n')).toHaveLength(2)
    expect(unitHtml('A\n\nText <b>bold never closed.\n\nB\n\nC\n')).toHaveLength(2)
    expect(unitHtml('A\n\n<noscript>\n\nB\n\nC\n')).toHaveLength(2)
  })

  it('reads void, self-closed, closed opaque and mis-nested tags as closing everything they open', () => {
    expect(openElementsAfter([], '<br><img src="a>b"><x-y/><script>if (a < b) {}</script><!-- <div> -->')).toEqual([])
    expect(openElementsAfter([], '<b><i>x</b></i>')).toEqual([])
    expect(openElementsAfter(['div'], '</div>')).toEqual([])
    expect(openElementsAfter([], '<style>')).toBeNull()
  })
})

describe('the linear footnote tail', () => {
  it('renders exactly as markdown-it-footnote does', () => {
    const plain = new MarkdownIt({ html: true }).use(footnote)
    const linear = new MarkdownIt({ html: true }).use(footnote).use(linearFootnoteTailPlugin)
    const texts = [
      'A[^1] and B[^b] and A again[^1] and inline^[note *here*].\n\n[^1]: One.\n\n[^b]: Bee\n\n    with more.\n\n- [^b]\n',
      'No footnotes.\n',
      '[^x]: defined, never used.\n\nText.\n',
      Array.from({ length: 40 }, (_, n) => `P${n}[^${n % 7}]\n\n[^${n % 7}]: F${n}\n`).join('\n'),
    ]
    for (const text of texts) expect(linear.render(text)).toBe(plain.render(text))
  })
})

describe('line shifts between renders', () => {
  it('keeps lines before an edit and moves lines after it (from a line start) by the lines it added', () => {
    const shift = lineShiftBetween('a\nb\nc\nd\n', 'a\nb\nX\nY\nc\nd\n', 3, 3)
    expect([1, 2, 3, 4, 5, 6].map((line) => shiftLine(line + 3, shift))).toEqual([4, 5, 8, 9, 10, 11])
  })

  it('moves every line when the front matter grows, and none when nothing changed', () => {
    expect(shiftLine(5, lineShiftBetween('a\nb\n', 'a\nb\n', 3, 5))).toBe(7)
    const same = lineShiftBetween('a\nb\n', 'a\nb\n', 3, 3)
    expect(same.low === 0 && same.high === 0).toBe(true)
  })

  it('gives no line to an edited one', () => {
    const shift = lineShiftBetween('a\nb\nc\n', 'a\nZ\nQ\nc\n', 0, 0)
    expect(shiftLine(2, shift)).toBe(2)
    expect(shiftLine(3, shift)).toBe(4)
  })
})

describe('PreviewModel', () => {
  const opsOf = (patch: UnitPatch) => patch.ops.map((op) => (op.kind === 'insert' ? `+${op.units.length}` : `${op.kind === 'keep' ? '=' : '-'}${op.count}`))

  it('answers only the units an edit changed, with the shift for the rest', () => {
    const body = Array.from({ length: 30 }, (_, n) => `## Part ${n}\n\nText ${n}.\n`).join('\n')
    const model = new PreviewModel()
    expect(model.update(body, { lineOffset: 4 }, true).isReset).toBe(true)
    const at = body.indexOf('Text 12')
    expect(opsOf(model.update(`${body.slice(0, at)}More. ${body.slice(at)}`, { lineOffset: 4 }))).toEqual(['=25', '+1', '-1', '=34'])
    const patch = model.update(`${body.slice(0, at)}More.\n\nNew paragraph. ${body.slice(at)}`, { lineOffset: 4 })
    expect(opsOf(patch)).toEqual(['=25', '+2', '-1', '=34'])
    expect(patch.shift).not.toBeNull()
  })

  it('re-sends every unit after a reset', () => {
    const model = new PreviewModel()
    model.update('A\n\nB\n', {})
    expect(opsOf(model.update('A\n\nB\n', {}, true))).toEqual(['+2'])
  })
})
