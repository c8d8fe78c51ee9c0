// @vitest-environment jsdom
import { renderMarkdown } from '@shared/markdown'
import { sanitizeHtml } from '@shared/markdown/sanitize'
import { purify } from './purify'

describe('GitHub alerts', () => {
  it.each(['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'])('renders > [!%s] as a styled callout with its type', (type) => {
    const html = renderMarkdown(`> [!${type}]\n> Mind the **gap**.\n`).html
    const lower = type.toLowerCase()
    expect(html).toContain(`class="markdown-alert markdown-alert-${lower}"`)
    expect(html).toContain(`<p class="markdown-alert-title">${type.charAt(0)}${lower.slice(1)}</p>`)
    expect(html).toContain('Mind the <strong>gap</strong>.')
    expect(html).not.toContain('[!')
  })

  it('keeps the text on the marker line out, a lowercase marker works, and plain quotes and unknown types stay quotes', () => {
    expect(renderMarkdown('> [!tip]\n> Hi\n').html).toContain('markdown-alert-tip')
    expect(renderMarkdown('> Just a quote\n').html).not.toContain('markdown-alert')
    expect(renderMarkdown('> [!FOO]\n> x\n').html).toContain('[!FOO]')
    expect(renderMarkdown('> [!NOTE] trailing words\n').html).not.toContain('markdown-alert')
  })

  it('survives sanitizing', () => {
    const clean = sanitizeHtml(renderMarkdown('> [!WARNING]\n> Careful\n').html, purify)
    expect(clean).toContain('markdown-alert-warning')
    expect(clean).toContain('markdown-alert-title')
  })
})
