import { parseFrontMatter, type FrontMatterValue } from '@shared/front-matter'
import { entriesOfFields, readHugoDate } from '@shared/hugo'
import { escapeHtml, renderHeader, renderMarkdown, sanitizeRendered } from '@shared/markdown'
import { fail, ok, type Result } from '@shared/result'
import { loadNodeDom } from './node-dom'
import { printStylesheet } from './print-style'
import { readLocalImage } from './site-files'

/** Where an article's images come from. */
export interface ArticlePlace {
  /** Absolute folder of the article (relative image URLs start here). */
  articleDir: string
  /** Absolute Hugo site root (`/x.png` is read from its `static/`); images must lie inside it. */
  siteRoot: string
  /** True for a page bundle's index: a relative thumbnail is one of its resources (else it is read from `static/`). */
  isPageBundle: boolean
}

/** An article rendered for export: its front-matter values, Markdown body, sanitized body HTML and full document. */
export interface RenderedArticle {
  frontMatter: Record<string, FrontMatterValue>
  body: string
  /** Header plus body, sanitized, images inlined: what goes inside `<article>`. */
  html: string
  /** The standalone HTML5 document. */
  document: string
  title: string
}

function textOf(value: FrontMatterValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value
  return typeof value === 'number' ? String(value) : null
}

function termsOf(value: FrontMatterValue | undefined): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value]
  return Array.isArray(value) ? value.map(textOf).filter((t): t is string => t !== null) : []
}

function metaTags(data: Record<string, FrontMatterValue>): string[] {
  const tags: string[] = []
  const meta = (name: string, content: string | null): void => {
    if (content !== null) tags.push(`<meta name="${name}" content="${escapeHtml(content)}">`)
  }
  meta('description', textOf(data.description) ?? textOf(data.summary))
  const authors = termsOf(data.author ?? data.authors)
  meta('author', authors.length > 0 ? authors.join(', ') : null)
  const date = readHugoDate({ key: 'date', value: data.date ?? null }, 'yaml', null)
  meta('date', date.kind === 'date' ? date.iso : textOf(data.date))
  const keywords = [...termsOf(data.tags), ...termsOf(data.keywords)]
  meta('keywords', keywords.length > 0 ? keywords.join(', ') : null)
  return tags
}

/** Replaces each local `<img src>` with a data URI; an image that cannot be read keeps its URL (not fatal). */
async function inlineImages(root: Element, place: ArticlePlace): Promise<void> {
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const src = img.getAttribute('src') ?? ''
    if (src.startsWith('data:') || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) continue
    const image = await readLocalImage(src, place.articleDir, place.siteRoot)
    if (!image.ok) continue
    img.setAttribute('src', `data:${image.value.mimeType};base64,${Buffer.from(image.value.bytes).toString('base64')}`)
    img.removeAttribute('srcset')
  }
}

/**
 * Renders one article as export HTML: the preview's rendering (header, body, shortcode placeholders), sanitized,
 * local images inlined as data URIs, wrapped in a valid HTML5 document with `<title>`, `<meta>` and a print
 * stylesheet. PARSE when the front matter has errors (the writer must fix it first).
 */
export async function renderArticleHtml(text: string, place: ArticlePlace, now: Date = new Date()): Promise<Result<RenderedArticle>> {
  const parsed = parseFrontMatter(text)
  const error = parsed.errors[0]
  if (error) return fail('PARSE', `front matter: ${error.message}`, { line: error.line, column: error.column })
  const dom = await loadNodeDom()
  if (!dom.ok) return dom
  const body = parsed.block ? text.slice(parsed.block.to) : text
  // NOTE: so a notice about a block names its line in the file, as the preview does.
  const lineOffset = parsed.block ? text.slice(0, parsed.block.to).split('\n').length - 1 : 0
  const hugo = { entries: entriesOfFields(text, parsed.fields), format: parsed.format === 'none' ? 'yaml' : parsed.format } as const
  const clean = sanitizeRendered(renderHeader(parsed.data, { now, isPageBundle: place.isPageBundle, hugo }), renderMarkdown(body, { lineOffset }), dom.value.purify)
  const container = dom.value.window.document.createElement('div')
  container.innerHTML = clean
  for (const el of Array.from(container.querySelectorAll('[data-source-line]'))) el.removeAttribute('data-source-line')
  await inlineImages(container, place)
  const html = container.innerHTML
  const title = textOf(parsed.data.title) ?? 'Untitled'
  const lang = textOf(Array.isArray(parsed.data.lang) ? parsed.data.lang[0] : parsed.data.lang) ?? 'en'
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    ...metaTags(parsed.data),
    '<meta name="generator" content="Folio">',
    `<style>\n${printStylesheet}\n</style>`,
  ]
  const document = `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n<article>\n${html}\n</article>\n</body>\n</html>\n`
  return ok({ frontMatter: parsed.data, body, html, document, title })
}
