import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it'
import deflist from 'markdown-it-deflist'
import footnote from 'markdown-it-footnote'
import { alertsPlugin } from './alerts'
import { createEnv } from './env'
import { linearFootnoteTailPlugin } from './footnote-tail'
import { goldmarkCompatPlugin } from './goldmark-compat'
import { headingIdPlugin } from './heading-ids'
import { goldmarkLinkifyPlugin } from './linkify'
import { shortcodePlugin } from './shortcode-plugin'
import { sourceLinePlugin } from './source-lines'
import { taskListPlugin } from './task-lists'
import { goldmarkTypographerPlugin } from './typographer'
import { urlPolicyPlugin } from './url-plugin'
import type { UrlPolicy } from './urls'

/** Options for one render of an article body. */
export interface RenderOptions extends UrlPolicy {
  /** Lines in the file before the body (front matter block); `data-source-line` values are body line + this. */
  lineOffset?: number
}

/** One top-level block of the rendered body, with the file line it starts on. */
export interface RenderedBlock {
  html: string
  line: number
  /** The raw HTML the author wrote in this block (HTML blocks and inline tags), '' when none. */
  raw: string
}

/**
 * The rendered body. The HTML is NOT sanitized yet: pass it through `sanitizeRendered` (or `sanitizeHtml`) before
 * showing it. `html` is the blocks' HTML joined.
 */
export interface RenderedMarkdown {
  html: string
  blocks: RenderedBlock[]
}

let instance: MarkdownItInstance | null = null

/** Builds the parser configured like Hugo's Goldmark defaults. Exported for the benchmark and tests. */
export function createMarkdownIt(): MarkdownItInstance {
  const md = new MarkdownIt('default', { html: true, linkify: true, typographer: true })
  md.use(goldmarkLinkifyPlugin)
  md.use(goldmarkTypographerPlugin)
  md.use(footnote)
  md.use(linearFootnoteTailPlugin)
  md.use(deflist)
  md.use(goldmarkCompatPlugin)
  md.use(taskListPlugin)
  md.use(alertsPlugin)
  md.use(headingIdPlugin)
  md.use(shortcodePlugin)
  md.use(urlPolicyPlugin)
  md.use(sourceLinePlugin)
  return md
}

/**
 * Renders a Markdown article body (front matter already removed) to HTML the way Hugo's Goldmark would, plus
 * `data-source-line` on block elements and placeholders for shortcodes and blocked images. Never throws on input.
 */
export function renderMarkdown(body: string, options: RenderOptions = {}): RenderedMarkdown {
  instance ??= createMarkdownIt()
  const { lineOffset = 0, ...policy } = options
  const env = createEnv(policy, lineOffset)
  const tokens = instance.parse(body, env)
  // NOTE: each top-level block is rendered on its own so a sanitizer can treat it alone (see sanitizeRendered);
  // rendering in slices gives the same HTML, as no rule looks past its own block.
  const blocks: RenderedBlock[] = []
  let from = 0
  let isInFootnotes = false
  for (let i = 1; i <= tokens.length; i++) {
    const token = tokens[i]
    // NOTE: the footnote list's tokens all sit at level 0, but its HTML is one section: it stays one block.
    const type = tokens[i - 1]?.type
    if (type === 'footnote_block_open') isInFootnotes = true
    else if (type === 'footnote_block_close') isInFootnotes = false
    if (token !== undefined && (isInFootnotes || !(token.level === 0 && token.nesting !== -1))) continue
    const start = tokens[from]?.map?.[0]
    // NOTE: footnotes come last and carry no line: they count as on the last block's.
    const line = start === undefined ? (blocks.at(-1)?.line ?? 1 + lineOffset) : start + 1 + lineOffset
    const slice = tokens.slice(from, i)
    blocks.push({ html: instance.renderer.render(slice, instance.options, env), line, raw: rawHtmlOf(slice) })
    from = i
  }
  return { html: blocks.map((b) => b.html).join(''), blocks }
}

/** The raw HTML in a block's tokens (`html_block` content and `html_inline` children), joined. */
function rawHtmlOf(tokens: readonly Token[]): string {
  let raw = ''
  for (const token of tokens) {
    if (token.type === 'html_block') raw += token.content
    else for (const child of token.children ?? []) if (child.type === 'html_inline') raw += child.content
  }
  return raw
}
