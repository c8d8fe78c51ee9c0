import { currentHeadingIndex, extractOutline, nestOutline, OutlineScan } from '@shared/markdown/outline'

const body = [
  '# Top',
  '',
  'Intro text.',
  '',
  '## Second *level* ##',
  '',
  '```md',
  '# not a heading',
  '```',
  '',
  'Setext one',
  '==========',
  '',
  'Setext two',
  '---',
  '',
  '### Deep {#custom-id}',
  '',
  '- list item',
  '---',
  '    # indented code',
].join('\n')

describe('extractOutline', () => {
  it('finds ATX and setext headings with level, text, line and offset, skipping fenced and indented code', () => {
    const outline = extractOutline(body)
    expect(outline.map((h) => [h.level, h.text, h.line])).toEqual([
      [1, 'Top', 1],
      [2, 'Second level', 5],
      [1, 'Setext one', 11],
      [2, 'Setext two', 14],
      [3, 'Deep', 17],
    ])
    expect(outline.map((h) => body.slice(h.from, h.from + 3))).toEqual(['# T', '## ', 'Set', 'Set', '###'])
    expect(outline.map((h) => h.id)).toEqual(['top', 'second-level', 'setext-one', 'setext-two', 'custom-id'])
  })

  it('starts after the front matter, keeps real line numbers, and gives repeated titles unique ids', () => {
    const text = '---\ntitle: x\n# not: heading\n---\n# A\n# A\n'
    const outline = extractOutline(text, text.indexOf('# A'))
    expect(outline.map((h) => [h.text, h.line, h.id])).toEqual([['A', 5, 'a'], ['A', 6, 'a-1']])
  })

  it('handles CRLF-free edge cases: empty body, a heading on the last line without newline, a tilde fence', () => {
    expect(extractOutline('')).toEqual([])
    expect(extractOutline('text\n## End').map((h) => h.text)).toEqual(['End'])
    expect(extractOutline('~~~\n# no\n~~~\n# yes').map((h) => h.text)).toEqual(['yes'])
    expect(extractOutline('#hashtag is not a heading\n#').map((h) => h.text)).toEqual([''])
  })
})

describe('nestOutline and currentHeadingIndex', () => {
  it('nests deeper headings under the one before them', () => {
    const tree = nestOutline(extractOutline(body))
    expect(tree.map((n) => [n.text, n.children.map((c) => c.text)])).toEqual([
      ['Top', ['Second level']],
      ['Setext one', ['Setext two']],
    ])
    expect(tree[1]?.children[0]?.children.map((c) => c.text)).toEqual(['Deep'])
  })

  it('finds the section holding an offset', () => {
    const outline = extractOutline(body)
    expect(currentHeadingIndex(outline, 0)).toBe(0)
    expect(currentHeadingIndex(outline, body.indexOf('not a heading'))).toBe(1)
    expect(currentHeadingIndex(outline, body.length)).toBe(4)
    expect(currentHeadingIndex([], 5)).toBe(-1)
  })
})

describe('OutlineScan', () => {
  it('finds the same headings read a slice at a time as in one pass (fences and setext text across slices)', () => {
    const text = `---\nx: 1\n---\n${['# A', '', 'Setext text', 'spanning lines', '---', '', '```', '# not a heading', '```', '', '## B {#bee}', '## B', ''].join('\n').repeat(5)}`
    const whole = extractOutline(text, 12)
    for (const chars of [1, 5, 17, 64]) {
      const scan = new OutlineScan(text, 12)
      let slices = 1
      while (!scan.advance(chars)) slices++
      expect(scan.headings).toEqual(whole)
      expect(slices).toBeGreaterThan(3)
    }
  })
})

