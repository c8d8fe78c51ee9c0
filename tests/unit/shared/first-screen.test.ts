import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/api'
import type { EarlyData } from '@shared/early-data'
import { escapeHtml, firstScreenHtml, firstScreenRows, withFirstScreen } from '@shared/first-screen'
import { fail, ok } from '@shared/result'

const hostile = `</li></ul><script src="/x.js"></script><img src=x onerror=alert(1)>'"&`
const row = (i: number, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  path: `posts/a${String(i).padStart(3, '0')}.md`,
  title: `Article ${i}`,
  date: null,
  isDraft: false,
  format: 'yaml',
  buildStatus: 'published',
  ...extra,
})
const folder = ok({ root: '/srv/site', name: 'site' })
const page = (articles: ArticleSummary[], isComplete = true) => ok({ articles, done: articles.length, total: isComplete ? articles.length : 50_000, isComplete, nextAfter: null })

describe('firstScreenHtml', () => {
  it('writes nothing when there is no folder, no index or no row: the page then starts as before', () => {
    expect(firstScreenHtml({ folder: ok(null), index: null })).toBeNull()
    expect(firstScreenHtml({ folder: fail('IO', 'gone'), index: null })).toBeNull()
    expect(firstScreenHtml({ folder, index: fail('IO', 'the index is gone') })).toBeNull()
    expect(firstScreenHtml({ folder, index: page([]) })).toBeNull()
  })

  it('writes the first rows only, with a spacer as tall as the rows left out, and the counts the list shows', () => {
    const articles = Array.from({ length: 200 }, (_, i) => row(i))
    const html = firstScreenHtml({ folder, index: page(articles, false) }, 'en-US') ?? ''
    expect(html.match(/role="option"/g)).toHaveLength(firstScreenRows)
    expect(html).toContain(`style="height:${(200 - firstScreenRows) * 52}px"`)
    expect(html).toContain('aria-setsize="200"')
    expect(html).toContain('<p>Indexing 200 of 50,000 · 200 of 200 articles</p>')
    // While later pages of the list are still to come, the count is the index's, as the list's own status line says.
    const paging = firstScreenHtml({ folder, index: ok({ articles, done: 50_000, total: 50_000, isComplete: true, nextAfter: 'posts/199.md' }) }, 'en-US') ?? ''
    expect(paging).toContain('<p>200 of 50,000 articles, still listing</p>')
    expect(html).toMatch(/^<div class="workbench first-screen" inert aria-busy="true">/)
  })

  it('escapes every text it writes: a title, path, date or folder name never becomes markup', () => {
    const articles = [row(0, { title: hostile, path: `posts/${hostile}.md`, date: hostile, error: { message: hostile, line: 1, column: 2 } })]
    const data: EarlyData = { folder: ok({ root: `/srv/${hostile}`, name: hostile }), index: page(articles) }
    const html = firstScreenHtml(data) ?? ''
    expect(html).not.toContain(hostile)
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/)
    expect(html.split(escapeHtml(hostile)).length - 1).toBe(9)
  })

  it('writes the badges and dates of the summary as the list does', () => {
    const articles = [row(0, { isDraft: true, date: '2024-03-05' }), row(1, { buildStatus: 'future', title: null }), row(2, { error: { message: 'bad', line: 3, column: 4 } })]
    const html = firstScreenHtml({ folder, index: page(articles) }, 'en-US') ?? ''
    expect(html).toContain('<span class="item-date" title="2024-03-05">Mar 5, 2024</span><span class="item-badge item-badge-draft">Draft</span>')
    expect(html).toContain('<span class="item-title">posts/a001.md</span><span class="item-meta"><span class="item-badge item-badge-scheduled"')
    expect(html).toContain('<span class="item-badge item-badge-error" title="bad (3:4)">Front matter error</span>')
  })
})

describe('withFirstScreen', () => {
  it('puts the screen inside the empty root element and leaves any other page as it is', () => {
    const html = '<body><div id="root"></div><script type="module" src="/a.js"></script></body>'
    expect(withFirstScreen(html, '<p>rows</p>')).toBe('<body><div id="root"><p>rows</p></div><script type="module" src="/a.js"></script></body>')
    expect(withFirstScreen(html, null)).toBe(html)
    expect(withFirstScreen('<body><main></main></body>', '<p>rows</p>')).toBe('<body><main></main></body>')
  })
})
