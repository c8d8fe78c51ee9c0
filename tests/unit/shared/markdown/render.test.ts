// @vitest-environment jsdom
import fs from 'node:fs'
import { renderMarkdown } from '@shared/markdown'
import { parse } from './purify'
import { sampleArticlePath } from '../../../support/corpus-tool'

const sample = fs.readFileSync(sampleArticlePath, 'utf8')

/** Splits a YAML front-matter file into the body and the number of lines before it. */
function bodyOf(text: string): { body: string; lineOffset: number } {
  const lines = text.split('\n')
  const close = lines.indexOf('---', 1)
  return { body: lines.slice(close + 1).join('\n'), lineOffset: close + 1 }
}

const render = (md: string): Element => parse(renderMarkdown(md).html)

describe('the sample article', () => {
  const { body, lineOffset } = bodyOf(sample)
  const root = parse(renderMarkdown(body, { lineOffset }).html)
  const fileLines = sample.split('\n')

  it('renders the setext headings as h2 with Hugo ids', () => {
    const ids = Array.from(root.querySelectorAll('h2')).map((h) => h.id)
    expect(ids).toEqual([
      'us-and-china-voice-concerns',
      'russia-blames-us-withdrawal-for-is-ks-rise',
      'pakistan-rejects-us-accusations',
      'taliban-downplays-is-k-threat',
    ])
    expect(root.querySelector('h2 strong')?.textContent).toBe('US and China voice concerns')
  })

  it('points every heading at its line in the file', () => {
    for (const h of Array.from(root.querySelectorAll('h2'))) {
      const line = Number(h.getAttribute('data-source-line'))
      expect(fileLines[line - 1]).toBe(`**${h.textContent ?? ''}**`)
    }
  })

  it('keeps NBSP-only lines inside paragraphs, as Goldmark does (they are not blank lines)', () => {
    const first = root.querySelector('p')
    expect(first?.textContent).toContain('Voice of America.')
    expect(first?.textContent).toContain('During a Security Council meeting')
    expect(first?.textContent).toContain('\u00a0')
    expect(root.querySelectorAll('p').length).toBe(6)
  })

  it('keeps the typographic quotes as written and the closing link', () => {
    expect(root.textContent).toContain('“most dangerous branches”')
    expect(root.textContent).toContain('IS-K’s rise')
    const link = Array.from(root.querySelectorAll('a')).at(-1)
    expect(link?.getAttribute('href')).toMatch(/^https:\/\/www\.business-standard\.com\//)
    expect(root.querySelector('em')?.textContent).toBe('Voice of America.')
  })
})

describe('typographer like Goldmark', () => {
  it('turns straight quotes, dashes, ellipses and angle quotes into typographic ones', () => {
    expect(render(`"Hi" it's -- a --- b... << c >>`).textContent?.trim()).toBe('“Hi” it’s – a — b… « c »')
  })

  it('writes decade abbreviations with an apostrophe, as Goldmark does', () => {
    expect(render(`the '90s and 'quoted'`).textContent?.trim()).toBe('the ’90s and ‘quoted’')
  })

  it('does not do markdown-it-only replacements like (c) or +-', () => {
    expect(render('(c) (tm) +- !!!!').textContent?.trim()).toBe('(c) (tm) +- !!!!')
  })

  it('leaves code alone', () => {
    expect(render('`"a" -- b...`').querySelector('code')?.textContent).toBe('"a" -- b...')
  })
})

describe('GFM and extensions', () => {
  it('renders tables with alignment', () => {
    const root = render('| a | b |\n|:--|--:|\n| 1 | 2 |')
    expect(root.querySelectorAll('th').length).toBe(2)
    expect(root.querySelector('td')?.getAttribute('style')).toBe('text-align:left')
  })

  it('renders strikethrough, autolinks (https like Hugo) and task lists', () => {
    const root = render('~~gone~~ www.example.com https://x.org\n\n- [ ] todo\n- [x] done\n- [y] not a task')
    expect(root.querySelector('del')?.textContent).toBe('gone')
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://www.example.com', 'https://x.org'])
    const boxes = root.querySelectorAll('li input[type="checkbox"][disabled]')
    expect(boxes.length).toBe(2)
    expect(boxes[1]?.hasAttribute('checked')).toBe(true)
    expect(root.querySelectorAll('li')[2]?.textContent).toBe('[y] not a task')
  })

  it('renders footnotes and definition lists', () => {
    const root = render('Text[^n].\n\n[^n]: The note.\n\nTerm\n: Definition')
    expect(root.querySelector('sup a')?.getAttribute('href')).toBe('#fn1')
    expect(root.querySelector('sup a')?.textContent).toBe('1')
    expect(root.querySelector('.footnotes li')?.textContent).toContain('The note.')
    expect(root.querySelector('dl dt')?.textContent).toBe('Term')
    expect(root.querySelector('dl dd')?.textContent).toBe('Definition')
  })

  it('keeps raw HTML for the sanitizer to judge', () => {
    expect(renderMarkdown('<kbd>Ctrl</kbd>').html).toContain('<kbd>Ctrl</kbd>')
  })
})

describe('data-source-line', () => {
  const md = ['# H', '', 'para', 'graph', '', '- a', '- b', '', '> quote', '', '```js', 'x', '```', '', '| a |', '|---|', '| 1 |'].join('\n')

  it('gives each block its 1-based line in the file, body line + lineOffset', () => {
    const root = parse(renderMarkdown(md, { lineOffset: 10 }).html)
    const line = (sel: string): string | null | undefined => root.querySelector(sel)?.getAttribute('data-source-line')
    expect(line('h1')).toBe('11')
    expect(line('p')).toBe('13')
    expect(line('ul')).toBe('16')
    expect(root.querySelectorAll('li')[1]?.getAttribute('data-source-line')).toBe('17')
    expect(line('blockquote')).toBe('19')
    expect(line('pre code')).toBe('21')
    expect(line('table')).toBe('25')
  })

  it('defaults lineOffset to 0', () => {
    expect(render('a\n\nb').querySelectorAll('p')[1]?.getAttribute('data-source-line')).toBe('3')
  })

  it('never throws on odd input', () => {
    for (const input of ['', '\u0000', '{{<', '{{< x', '[^', '| a |\n|', '\r\n\r\n', '{{% a %}}\n{{% a %}}\n']) {
      expect(typeof renderMarkdown(input).html).toBe('string')
    }
  })
})
