// @vitest-environment jsdom
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { renderMarkdown, sanitizeHtml } from '@shared/markdown'
import { parse, purify } from './purify'
import { makeCorpusTool } from '../../../support/corpus-tool'

const CLOSERS: Record<string, string> = { '---': '---', '+++': '+++', '{': '}' }

/** The body of an article as the editor holds it (LF, no BOM) and the lines before it. */
function bodyOf(raw: string): { body: string; lineOffset: number; lineCount: number } {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n')
  const closer = CLOSERS[lines[0]?.trim() === '{' ? '{' : (lines[0] ?? '')]
  const close = closer === undefined ? -1 : lines.indexOf(closer, 1)
  return { body: lines.slice(close + 1).join('\n'), lineOffset: close + 1, lineCount: lines.length }
}

describe('rendering a generated content folder', () => {
  let dir = ''
  let files: string[] = []

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-preview-corpus-'))
    execFileSync(process.execPath, [makeCorpusTool, dir, '--articles', '150', '--seed', '7'], { stdio: 'ignore' })
    files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f))
  })

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('renders every article with in-range, ordered source lines that survive the sanitizer', () => {
    expect(files.length).toBeGreaterThanOrEqual(100)
    let shortcodes = 0
    for (const file of files) {
      const { body, lineOffset, lineCount } = bodyOf(fs.readFileSync(file, 'utf8'))
      const html = renderMarkdown(body, { lineOffset }).html
      const clean = sanitizeHtml(html, purify)
      const root = parse(clean)
      const blocks = Array.from(root.querySelectorAll('[data-source-line]')).filter((el) => !el.closest('.footnotes'))
      const lines = blocks.map((el) => Number(el.getAttribute('data-source-line')))
      expect(lines.every((n) => Number.isInteger(n) && n > lineOffset && n <= lineCount), file).toBe(true)
      expect(lines, file).toEqual([...lines].sort((a, b) => a - b))
      expect(root.querySelectorAll('[data-source-line]').length, file).toBe(parse(html).querySelectorAll('[data-source-line]').length)
      shortcodes += root.querySelectorAll('.shortcode').length
    }
    expect(shortcodes).toBeGreaterThan(0)
  })
})
