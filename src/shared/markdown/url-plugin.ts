import type { MarkdownIt } from 'markdown-it'
import { envOf } from './env'
import { escapeHtml } from './escape'
import { decideUrl } from './urls'

/**
 * A markdown-it plugin applying the URL policy (resolution, unsafe schemes, remote images) to Markdown links and
 * images at render time. A blocked image becomes a labelled placeholder; an unsafe link loses its href.
 */
export function urlPolicyPlugin(md: MarkdownIt): void {
  const rules = md.renderer.rules
  const renderImage = rules.image
  const renderLinkOpen = rules.link_open
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const alt = escapeHtml(self.renderInlineAsText(token.children ?? [], options, env))
    const decision = decideUrl(String(token.attrGet('src') ?? ''), 'image', envOf(env).policy)
    if (decision.kind === 'unsafe') return `<span class="image-blocked">${alt || 'image'} (unsafe URL removed)</span>`
    if (decision.kind === 'remote-blocked') {
      const url = escapeHtml(decision.url)
      return `<span class="remote-image" data-remote-src="${url}" title="${url}">Remote image: ${alt || url}</span>`
    }
    token.attrSet('src', decision.url)
    return renderImage ? renderImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
  }
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const href = token.attrGet('href')
    if (href !== null) {
      const decision = decideUrl(String(href), 'link', envOf(env).policy)
      if (decision.kind === 'keep') token.attrSet('href', decision.url)
      else token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href')
    }
    return renderLinkOpen ? renderLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
  }
}
