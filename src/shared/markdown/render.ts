import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it'
import deflist from 'markdown-it-deflist'
import footnote from 'markdown-it-footnote'
import { alertsPlugin } from './alerts'
import { createEnv } from './env'
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
  for (let i = 1; i <= tokens.length; i++) {
    const token = tokens[i]
    if (token !== undefined && !(token.level === 0 && token.nesting !== -1)) continue
    const start = tokens[from]?.map?.[0]
    // NOTE: footnotes come last and carry no line: they count as on the last block's.
    const line = start === undefined ? (blocks.at(-1)?.line ?? 1 + lineOffset) : start + 1 + lineOffset
    blocks.push({ html: instance.renderer.render(tokens.slice(from, i), instance.options, env), line })
    from = i
  }
  return { html: blocks.map((b) => b.html).join(''), blocks }
}
