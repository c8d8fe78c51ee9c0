import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it'
import { createEnv, envOf } from './env'
import { escapeHtml } from './escape'
import { renderShortcodeTag, shortcodeLabel } from './shortcode-render'
import { parseShortcodeAt, type ShortcodeMatch, type ShortcodeTag } from './shortcode-syntax'

/** How far (in characters) a tag may run before we stop looking for its end; bounds the work on unclosed `{{<`. */
const MAX_TAG_LENGTH = 4000
const REF_IN_LINK = /\]\([ \t]*\{\{([<%])[ \t]*(?:rel)?ref[ \t]+(?:path=)?(?:"([^"\n]*)"|([^\s"]+))[ \t]*[>%]\}\}/g
const CLOSING_TAG = /\{\{[<%][ \t]*\/[ \t]*([\p{L}\p{N}_./-]+)/gu
const ESCAPED_OPEN = /\{\{([<%])\/\*/g
const ESCAPED_CLOSE = /\*\/([>%])\}\}/g

function lineContaining(state: StateBlock, index: number, from: number): number {
  let line = from
  while (line < state.lineMax - 1 && (state.eMarks[line] ?? 0) < index) line++
  return line
}

/** Records, in one pass, the last line of each shortcode's closing tag (keeps finding pairs linear). */
function indexClosingTags(state: StateCore): void {
  const lastLine = envOf(state.env).lastClosingLine
  lastLine.clear()
  let line = 0
  let from = 0
  for (const match of state.src.matchAll(CLOSING_TAG)) {
    for (let i = state.src.indexOf('\n', from); i !== -1 && i < match.index; i = state.src.indexOf('\n', i + 1)) line++
    from = match.index
    lastLine.set(match[1] ?? '', line)
  }
}

/** Finds the line holding the matching closing tag, counting nested tags of the same name; -1 when unpaired. */
function findClosingLine(state: StateBlock, tag: ShortcodeTag, from: number, endLine: number): number {
  let depth = 1
  const last = Math.min(endLine - 1, envOf(state.env).lastClosingLine.get(tag.name) ?? -1)
  for (let line = from; line <= last; line++) {
    const pos = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0)
    if (state.src.charCodeAt(pos) !== 0x7b) continue
    const m = parseShortcodeAt(state.src, pos, state.eMarks[line])
    if (m?.kind !== 'tag' || m.tag.name !== tag.name || m.tag.isSelfClosing) continue
    if (state.src.slice(m.tag.end, state.eMarks[line]).trim() !== '') continue
    depth += m.tag.isClosing ? -1 : 1
    if (depth === 0) return line
  }
  return -1
}

function pushPaired(state: StateBlock, tag: ShortcodeTag, startLine: number, innerStart: number, closeLine: number): void {
  const open = state.push('shortcode_open', 'div', 1)
  open.meta = { tag }
  open.map = [startLine, closeLine + 1]
  if (tag.name === 'highlight') {
    const code = state.push('shortcode_code', 'code', 0)
    code.info = tag.positional[0] ?? ''
    code.content = state.getLines(innerStart, closeLine, state.blkIndent, true)
    code.map = [innerStart, closeLine]
  } else {
    const oldParent = state.parentType
    const oldLineMax = state.lineMax
    state.parentType = 'paragraph' // NOTE: markdown-it's container plugins do this; it only gates `alt` chains.
    state.lineMax = closeLine
    state.md.block.tokenize(state, innerStart, closeLine)
    state.parentType = oldParent
    state.lineMax = oldLineMax
  }
  state.push('shortcode_close', 'div', -1)
}

function shortcodeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false
  const pos = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0)
  if (!state.src.startsWith('{{', pos)) return false
  const max = Math.min(state.eMarks[endLine - 1] ?? pos, pos + MAX_TAG_LENGTH)
  const match = parseShortcodeAt(state.src, pos, max)
  if (match === null) return false
  const end = match.kind === 'tag' ? match.tag.end : match.end
  const lastLine = lineContaining(state, end - 1, startLine)
  if (state.src.slice(end, state.eMarks[lastLine]).trim() !== '') return false
  if (silent) return true
  const closeLine = match.kind === 'tag' && !match.tag.isClosing && !match.tag.isSelfClosing
    ? findClosingLine(state, match.tag, lastLine + 1, endLine)
    : -1
  if (match.kind === 'tag' && closeLine !== -1) {
    pushPaired(state, match.tag, startLine, lastLine + 1, closeLine)
    state.line = closeLine + 1
    return true
  }
  const token = state.push('shortcode_block', 'div', 0)
  token.meta = { match }
  token.map = [startLine, lastLine + 1]
  state.line = lastLine + 1
  return true
}

function shortcodeInline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b) return false
  const match = parseShortcodeAt(state.src, state.pos, Math.min(state.posMax, state.pos + MAX_TAG_LENGTH))
  if (match === null) return false
  if (!silent) state.push('shortcode_inline', 'span', 0).meta = { match }
  state.pos = match.kind === 'tag' ? match.tag.end : match.end
  return true
}

/** Hugo expands `[x]({{< ref "p.md" >}})` before Markdown; we put the path in the link so markdown-it sees a link. */
function refInLinks(state: StateCore): void {
  if (!state.src.includes('ref')) return
  state.src = state.src.replace(REF_IN_LINK, (_all, _delimiter: string, quoted?: string, bare?: string) => `](<${(quoted ?? bare ?? '').replace(/[<>]/g, '')}>`)
}

function unescape(token: Token): void {
  if (token.content.includes('/*')) token.content = token.content.replace(ESCAPED_OPEN, '{{$1').replace(ESCAPED_CLOSE, '$1}}')
}

/** Hugo runs shortcodes inside code too, so escaped tags in code blocks and code spans print unescaped. */
function unescapeInCode(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'fence' || token.type === 'code_block') unescape(token)
    else if (token.type === 'inline') token.children?.filter((t) => t.type === 'code_inline').forEach(unescape)
  }
}

function matchOf(token: Token | undefined): ShortcodeMatch {
  return (token?.meta as { match: ShortcodeMatch }).match
}

function renderMatch(md: MarkdownIt, match: ShortcodeMatch, env: Parameters<MarkdownIt['renderInline']>[1], isBlock: boolean, attrs: string): string {
  if (match.kind === 'escaped') {
    const text = escapeHtml(match.text)
    return isBlock ? `<p${attrs}>${text}</p>\n` : text
  }
  const { policy } = envOf(env)
  // NOTE: a fresh env, or footnote and heading-id state of the page would be rendered or consumed twice.
  const renderInline = (markdown: string): string => md.renderInline(markdown, createEnv(policy, 0))
  return renderShortcodeTag(match.tag, { policy, renderInline, isBlock, attrs })
}

/** A markdown-it plugin rendering Hugo shortcodes (block and inline, paired and standalone) as readable placeholders. */
export function shortcodePlugin(md: MarkdownIt): void {
  md.core.ruler.before('block', 'hugo_ref_links', refInLinks)
  md.core.ruler.before('block', 'hugo_closing_tags', indexClosingTags)
  md.core.ruler.after('inline', 'hugo_escaped_in_code', unescapeInCode)
  md.block.ruler.before('paragraph', 'hugo_shortcode', shortcodeBlock)
  md.inline.ruler.after('text', 'hugo_shortcode', shortcodeInline)
  const rules = md.renderer.rules
  rules.shortcode_block = (tokens, idx, _o, env, self) => renderMatch(md, matchOf(tokens[idx]), env, true, self.renderAttrs(tokens[idx]))
  rules.shortcode_inline = (tokens, idx, _o, env) => renderMatch(md, matchOf(tokens[idx]), env, false, '')
  rules.shortcode_open = (tokens, idx, _o, _env, self) => {
    const token = tokens[idx]
    const { tag } = token.meta as { tag: ShortcodeTag }
    return `<div class="shortcode shortcode-paired" data-shortcode="${escapeHtml(tag.name)}"${self.renderAttrs(token)}>` +
      `<div class="shortcode-tag">${shortcodeLabel(tag)}</div>\n`
  }
  rules.shortcode_close = () => '</div>\n'
  rules.shortcode_code = (tokens, idx) => {
    const token = tokens[idx]
    const lang = token.info.trim().replace(/[^\w+#.-]/g, '')
    return `<pre><code${lang ? ` class="language-${lang}"` : ''}>${escapeHtml(token.content)}</code></pre>\n`
  }
}
