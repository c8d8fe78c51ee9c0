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

/** The rendered body. The HTML is NOT sanitized yet: pass it through `sanitizeHtml` before showing it. */
export interface RenderedMarkdown {
  html: string
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
  return { html: instance.render(body, createEnv(policy, lineOffset)) }
}
