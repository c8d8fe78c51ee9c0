import type { MarkdownIt, StateCore, Token } from 'markdown-it'

const SUBSTITUTIONS: Record<string, string> = { '---': '\u2014', '--': '\u2013', '...': '\u2026', '<<': '\u00ab', '>>': '\u00bb' }
const PATTERN = /---|--|\.\.\.|<<|>>/g
/** Goldmark's decade abbreviation ('90s): an apostrophe, where smart quotes would open a single quote. */
const DECADE = /(^|[\s([{])'(?=\d\ds\b)/g

/**
 * Applies Goldmark's default typographer substitutions that markdown-it's smart quotes do not cover (dashes,
 * ellipsis, angle quotes, decade apostrophes) to plain text, greedily left to right.
 */
export function goldmarkSubstitutions(text: string): string {
  return text.replace(PATTERN, (m) => SUBSTITUTIONS[m] ?? m).replace(DECADE, '$1\u2019')
}

function replaceInChildren(children: Token[]): void {
  let autolinkDepth = 0
  for (const token of children) {
    if (token.type === 'link_open' && (token.info === 'auto' || token.markup === 'linkify')) autolinkDepth++
    else if (token.type === 'link_close' && autolinkDepth > 0) autolinkDepth--
    else if (token.type === 'text' && autolinkDepth === 0 && /--|\.\.\.|<<|>>|'\d/.test(token.content)) {
      token.content = goldmarkSubstitutions(token.content)
    }
  }
}

function substitute(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children) replaceInChildren(token.children)
  }
}

/**
 * A markdown-it plugin that swaps markdown-it's replacements (which also turn `(c)`, `+-` and `!!!!` into symbols)
 * for Goldmark's set; markdown-it's smart quotes already match Goldmark's “ ” ‘ ’ closely.
 */
export function goldmarkTypographerPlugin(md: MarkdownIt): void {
  md.set({ typographer: true, quotes: '\u201c\u201d\u2018\u2019' })
  md.disable('replacements')
  md.core.ruler.after('replacements', 'goldmark_typographer', substitute)
}
