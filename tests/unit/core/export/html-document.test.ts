import fs from 'node:fs'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { renderArticleHtml } from '../../../../src/core/export/html-document'
import { isBundleArticle } from '@shared/article-names'
import { bundleArticle, newsArticle, sampleSite, tempDir } from './helpers'

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })

async function render(rel: string, text?: string): Promise<string> {
  const abs = path.join(sampleSite, rel)
  const result = await renderArticleHtml(text ?? fs.readFileSync(abs, 'utf8'), { articleDir: path.dirname(abs), siteRoot: sampleSite, isPageBundle: isBundleArticle(abs) }, new Date('2026-01-01T00:00:00Z'))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.document
}

async function expectValid(html: string): Promise<void> {
  const report = await validator.validateString(html)
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
  expect(messages).toEqual([])
  expect(report.valid).toBe(true)
}

describe('renderArticleHtml', () => {
  it('makes the news sample a valid HTML5 document with its title, date, summary and tags', async () => {
    const html = await render(newsArticle)
    await expectValid(html)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<title>IS-K rising? UN warns of global chaos as Pakistan fires back at US</title>')
    expect(html).toContain('<h1 class="article-title">IS-K rising? UN warns of global chaos as Pakistan fires back at US</h1>')
    expect(html).toContain('<time datetime="2025-02-11T17:15:27Z"')
    expect(html).toContain('<meta name="date" content="2025-02-11T17:15:27Z">')
    expect(html).toMatch(/<meta name="description" content="The United Nations has raised alarm/)
    expect(html).toContain('<meta name="keywords" content="business-standard">')
    expect(html).toContain('The United Nations has raised alarm over the escalating threat')
    expect(html).not.toContain('data-source-line')
  })

  it('inlines every image of the page bundle (bundle, static/, thumbnail and figure shortcode) as data URIs', async () => {
    const html = await render(bundleArticle)
    await expectValid(html)
    const sources = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1] ?? '')
    expect(sources).toHaveLength(4)
    const cover = fs.readFileSync(path.join(sampleSite, 'content/posts/2024/mountain-trip/cover.png')).toString('base64')
    const logo = fs.readFileSync(path.join(sampleSite, 'static/img/logo.png')).toString('base64')
    expect(sources).toEqual([`data:image/png;base64,${cover}`, `data:image/png;base64,${cover}`, `data:image/png;base64,${logo}`, `data:image/png;base64,${cover}`])
    expect(html).toContain('The valley at dawn')
  })

  it("inlines a plain article's relative Mainroad thumbnail from static/, as Hugo themes read it", async () => {
    const html = await render('content/posts/2025/menu-and-thumbnail.md')
    const logo = fs.readFileSync(path.join(sampleSite, 'static/img/logo.png')).toString('base64')
    expect(html).toContain(`<img class="article-thumbnail" src="data:image/png;base64,${logo}"`)
  })

  it('sanitizes: no script, no event handlers, no javascript: links survive', async () => {
    const text = '---\ntitle: "<script>alert(1)</script>"\n---\n\n<img src="x.png" alt="x" onerror="alert(2)">\n<script>alert(3)</script>\n\n[x](javascript:alert(4))\n'
    const html = await render(bundleArticle, text)
    expect(html).not.toMatch(/<script|onerror|href="javascript:/i)
    expect(html).toContain('[x](javascript:alert(4))')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    await expectValid(html)
  })

  it('refuses an image outside the site and leaves its URL (never reads the file)', async () => {
    const html = await render(bundleArticle, '---\ntitle: T\n---\n\n![x](../../../../../../../../etc/passwd.png)\n')
    expect(html).not.toContain('data:image')
  })

  it('fails with PARSE and the line for malformed front matter', async () => {
    const abs = path.join(sampleSite, 'content/posts/2024/broken-front-matter.md')
    const result = await renderArticleHtml(fs.readFileSync(abs, 'utf8'), { articleDir: path.dirname(abs), siteRoot: sampleSite, isPageBundle: isBundleArticle(abs) })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('PARSE')
      expect(result.error.line).toBe(2)
    }
  })
})

describe('renderArticleHtml confinement and metadata', () => {
  it('does not follow a bundle image symlinked outside the site, and fills author/description meta', async () => {
    const outside = tempDir()
    fs.copyFileSync(path.join(sampleSite, 'static/img/logo.png'), path.join(outside, 'secret.png'))
    const site = tempDir()
    fs.mkdirSync(path.join(site, 'static'))
    fs.mkdirSync(path.join(site, 'post'))
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(site, 'post', 'link.png'))
    fs.copyFileSync(path.join(sampleSite, 'static/img/logo.png'), path.join(site, 'post', 'ok.png'))
    const text = '---\ntitle: T\nauthor: Ann Writer\ndescription: "A <short> one"\n---\n\n![a](link.png) ![b](ok.png)\n'
    const result = await renderArticleHtml(text, { articleDir: path.join(site, 'post'), siteRoot: site, isPageBundle: false })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.document).toContain('src="link.png"')
    expect(result.value.document.match(/src="data:image\/png;base64,/g)).toHaveLength(1)
    expect(result.value.document).toContain('<meta name="author" content="Ann Writer">')
    expect(result.value.document).toContain('<meta name="description" content="A &lt;short&gt; one">')
    await expectValid(result.value.document)
  })

  it('inlines an SVG image too (inert inside <img>), and leaves other files as links', async () => {
    const site = tempDir()
    fs.mkdirSync(path.join(site, 'post'))
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    fs.writeFileSync(path.join(site, 'post', 'shape.svg'), svg)
    fs.writeFileSync(path.join(site, 'post', 'notes.txt'), 'x')
    const result = await renderArticleHtml('---\ntitle: S\n---\n\n![s](shape.svg) ![t](notes.txt)\n', { articleDir: path.join(site, 'post'), siteRoot: site, isPageBundle: false })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.document).toContain(`src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`)
    expect(result.value.document).toContain('src="notes.txt"')
    await expectValid(result.value.document)
  })
})
