// @vitest-environment jsdom
import { renderMarkdown, sanitizeHtml, sanitizeRendered } from '@shared/markdown'
import { parse, purify } from './purify'

// Raw HTML that swallows what follows (an unclosed <noscript>, <template>, <style>, <xmp>, comment...) must never
// make the rest of an article vanish without a word: the rest is shown, and a notice names the line.
const swallowers = ['<base href="http://evil.example/">\n<noscript>', '<template>', '<xmp>', '<iframe>', '<noembed>', '<plaintext>']
// NOTE: Markdown itself makes these raw blocks run to the end of the body when unclosed: what follows is their text.
const unclosedRaw = ['<style>', '<!--', '<script>', '<?php', '<![CDATA[']

function shown(body: string): { text: string; notices: string[] } {
  const root = parse(sanitizeRendered('', renderMarkdown(body, { lineOffset: 3 }), purify))
  return { text: root.textContent ?? '', notices: Array.from(root.querySelectorAll('.sanitize-notice'), (n) => n.textContent ?? '') }
}

describe('sanitizeRendered', () => {
  it('is the plain sanitizer when nothing is lost', () => {
    const body = '# Title\n\nText with <b>bold</b> and <span style="color: red">red</span>.\n\n<div>\n\nraw block\n\n</div>\n\n- a\n- b\n'
    const rendered = renderMarkdown(body)
    expect(sanitizeRendered('<header>h</header>', rendered, purify)).toBe(sanitizeHtml(`<header>h</header>${rendered.html}`, purify))
  })

  it.each(swallowers)('keeps what follows %s and shows a notice at its line', (markup) => {
    const { text, notices } = shown(`First.\n\n${markup}<p>hidden</p>\n\nSecond *paragraph*.\n\n- item one\n- item two\n`)
    expect(text).toContain('First.')
    expect(text).toContain('Second paragraph.')
    expect(text).toContain('item two')
    expect(notices).toEqual(['Part of this article could not be shown safely (line 6).'])
  })

  it.each(unclosedRaw)('shows a notice where an unclosed %s swallows the rest of the body', (markup) => {
    const { text, notices } = shown(`First.\n\n${markup}\nswallowed\n\nSecond.\n`)
    expect(text).toContain('First.')
    expect(notices).toEqual(['Part of this article could not be shown safely (line 6).'])
  })

  it('does not warn about a noscript or comment that is closed', () => {
    expect(shown('A\n\n<noscript>x</noscript>\n\n<!-- note -->\n\nB\n').notices).toEqual([])
  })

  it('renders blocks that join to the whole, with their file lines (footnotes on the last)', () => {
    const body = 'Para[^1]\n\n> quote\n> more\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: note\n'
    const rendered = renderMarkdown(body, { lineOffset: 2 })
    expect(rendered.blocks.map((b) => b.html).join('')).toBe(rendered.html)
    const lines = rendered.blocks.map((b) => b.line)
    expect(lines.slice(0, 4)).toEqual([3, 5, 8, 11])
    expect(lines.slice(4).every((line) => line === 11)).toBe(true)
  })
})
