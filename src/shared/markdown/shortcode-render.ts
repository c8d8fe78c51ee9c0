import { escapeHtml } from './escape'
import { formatShortcodeArgs, shortcodeArg, type ShortcodeTag } from './shortcode-syntax'
import { decideUrl, type UrlPolicy } from './urls'

/** What a shortcode renderer needs from the surrounding render. */
export interface ShortcodeContext {
  policy: UrlPolicy
  /** Renders a Markdown string inline (Hugo markdownifies figure captions). */
  renderInline: (markdown: string) => string
  /** True when the tag stands alone on its lines (render a block), false inside a paragraph. */
  isBlock: boolean
  /** Pre-rendered attributes for the outer element, e.g. ` data-source-line="3"`. */
  attrs: string
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The tag as written, `{{< name args >}}`, escaped for HTML. */
export function shortcodeLabel(tag: ShortcodeTag): string {
  const args = formatShortcodeArgs(tag)
  const [open, close] = tag.delimiter === '<' ? ['{{<', '>}}'] : ['{{%', '%}}']
  return escapeHtml(`${open} ${tag.isClosing ? '/' : ''}${tag.name}${args ? ' ' + args : ''} ${close}`)
}

function wrap(tag: ShortcodeTag, ctx: ShortcodeContext, inner: string, extraClass = ''): string {
  const el = ctx.isBlock ? 'div' : 'span'
  const cls = `shortcode${extraClass ? ' ' + extraClass : ''}`
  return `<${el} class="${cls}" data-shortcode="${escapeHtml(tag.name)}"${ctx.attrs}>${inner}</${el}>${ctx.isBlock ? '\n' : ''}`
}

function imageHtml(src: string, tag: ShortcodeTag, ctx: ShortcodeContext): string {
  const alt = escapeHtml(shortcodeArg(tag, 'alt') ?? shortcodeArg(tag, 'caption') ?? '')
  const decision = decideUrl(src, 'image', ctx.policy)
  if (decision.kind === 'unsafe') return `<span class="image-blocked">${alt || 'image'} (unsafe URL removed)</span>`
  if (decision.kind === 'remote-blocked') {
    return `<span class="remote-image" data-remote-src="${escapeHtml(decision.url)}">Remote image: ${alt || escapeHtml(decision.url)}</span>`
  }
  const size = ['width', 'height']
    .map((k) => [k, shortcodeArg(tag, k)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== undefined && /^\d+%?$/.test(e[1]))
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')
  const image = `<img src="${escapeHtml(decision.url)}" alt="${alt}"${size}>`
  const link = shortcodeArg(tag, 'link')
  const linkDecision = link === undefined ? null : decideUrl(link, 'link', ctx.policy)
  return linkDecision?.kind === 'keep' ? `<a href="${escapeHtml(linkDecision.url)}">${image}</a>` : image
}

function renderFigure(tag: ShortcodeTag, ctx: ShortcodeContext): string {
  const src = shortcodeArg(tag, 'src', 0) ?? ''
  const title = shortcodeArg(tag, 'title')
  const caption = shortcodeArg(tag, 'caption')
  const attr = shortcodeArg(tag, 'attr')
  const parts = [
    title ? `<strong class="figure-title">${escapeHtml(title)}</strong>` : '',
    caption ? ctx.renderInline(caption) : '',
    attr ? `<span class="figure-attr">${escapeHtml(attr)}</span>` : '',
  ].filter((p) => p !== '')
  if (!ctx.isBlock) {
    const cap = parts.length > 0 ? `<span class="figure-caption">${parts.join(' ')}</span>` : ''
    return wrap(tag, ctx, imageHtml(src, tag, ctx) + cap, 'shortcode-figure')
  }
  const cap = parts.length > 0 ? `<figcaption>${parts.join(' ')}</figcaption>` : ''
  return `<figure class="shortcode shortcode-figure" data-shortcode="figure"${ctx.attrs}>${imageHtml(src, tag, ctx)}${cap}</figure>\n`
}

function renderYoutube(tag: ShortcodeTag, ctx: ShortcodeContext): string {
  const id = shortcodeArg(tag, 'id', 0) ?? ''
  if (!YOUTUBE_ID.test(id)) return renderGeneric(tag, ctx)
  const title = shortcodeArg(tag, 'title')
  const text = `YouTube video: ${escapeHtml(title ?? id)}`
  return wrap(tag, ctx, `<a href="https://www.youtube.com/watch?v=${id}">${text}</a>`, 'shortcode-youtube')
}

function renderRef(tag: ShortcodeTag, ctx: ShortcodeContext): string {
  const path = shortcodeArg(tag, 'path', 0) ?? ''
  const decision = decideUrl(path, 'link', ctx.policy)
  const text = escapeHtml(path)
  const inner = decision.kind === 'keep' ? `<a href="${escapeHtml(decision.url)}">${text}</a>` : text
  return wrap(tag, ctx, inner, 'shortcode-ref')
}

function renderGeneric(tag: ShortcodeTag, ctx: ShortcodeContext): string {
  return wrap(tag, ctx, `<span class="shortcode-tag">${shortcodeLabel(tag)}</span>`)
}

/** Renders a standalone (or closing) tag: useful output for figure, youtube, ref and relref, a labelled placeholder otherwise. */
export function renderShortcodeTag(tag: ShortcodeTag, ctx: ShortcodeContext): string {
  if (tag.isClosing) return renderGeneric(tag, ctx)
  switch (tag.name) {
    case 'figure':
      return renderFigure(tag, ctx)
    case 'youtube':
      return renderYoutube(tag, ctx)
    case 'ref':
    case 'relref':
      return renderRef(tag, ctx)
    default:
      return renderGeneric(tag, ctx)
  }
}
