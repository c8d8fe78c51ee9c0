import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view'
import { syntaxTree } from '@codemirror/language'
import { frontMatterOf } from './front-matter-state'

const unchecked = Decoration.mark({ attributes: { spellcheck: 'false' } })
const skippedNodes = new Set(['FencedCode', 'CodeBlock', 'InlineCode', 'URL', 'Autolink', 'HTMLBlock', 'HTMLTag', 'CodeText', 'LinkReference'])
const SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}/g
const BARE_URL = /\bhttps?:\/\/[^\s<>()]+/g

/** The ranges a spell checker should skip: front-matter keys and non-text values, code, URLs and shortcodes. */
export function uncheckedRanges(state: EditorState, from = 0, to = state.doc.length): [number, number][] {
  const ranges: [number, number][] = []
  const parsed = frontMatterOf(state)
  const block = parsed.block
  if (block !== null && block.from < to && block.to > from) {
    // NOTE: only string values are prose; the fences, keys, dates, numbers and lists of slugs are not.
    let at = block.from
    for (const field of parsed.fields) {
      if (field.kind !== 'string') continue
      if (field.valueFrom > at) ranges.push([at, field.valueFrom])
      at = Math.max(at, field.valueTo)
    }
    if (block.to > at) ranges.push([at, block.to])
  }
  syntaxTree(state).iterate({
    from,
    to,
    enter: (node) => {
      if (!skippedNodes.has(node.name)) return undefined
      ranges.push([node.from, node.to])
      return false
    },
  })
  const text = state.doc.sliceString(from, to)
  for (const pattern of [SHORTCODE, BARE_URL]) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) ranges.push([from + m.index, from + m.index + m[0].length])
  }
  return ranges.filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0])
}

function build(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  let last = -1
  for (const { from, to } of view.visibleRanges) {
    for (const [a, b] of uncheckedRanges(view.state, from, to)) {
      const start = Math.max(a, last)
      if (b <= start) continue
      builder.add(start, b, unchecked)
      last = b
    }
  }
  return builder.finish()
}

/** The article's language for the spell checker: `lang`/`language` in the front matter, else a `name.xx.md` file name. */
export function articleLanguage(state: EditorState, path: string | null): string | null {
  const data = frontMatterOf(state).data
  for (const key of ['lang', 'language', 'languageCode']) {
    const value = data[key]
    if (typeof value === 'string' && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(value)) return value.replace('_', '-')
  }
  const match = path === null ? null : /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.(?:md|markdown)$/i.exec(path)
  return match?.[1] ?? null
}

/**
 * Spell checking in the editor: the browser's (Chromium's, Electron's) checker on the text, with front-matter keys,
 * code, URLs and shortcodes marked `spellcheck="false"`, and the article's language as the content's `lang`.
 */
export function spellCheck(isOn: boolean, path: string | null = null): Extension {
  if (!isOn) return EditorView.contentAttributes.of({ spellcheck: 'false' })
  return [
    EditorView.contentAttributes.of({ spellcheck: 'true', autocorrect: 'off', autocapitalize: 'off' }),
    EditorView.contentAttributes.compute(['doc'], (state): Record<string, string> => {
      const lang = articleLanguage(state, path)
      return lang === null ? {} : { lang }
    }),
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet
        constructor(view: EditorView) {
          this.decorations = build(view)
        }
        update(update: ViewUpdate) {
          if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) this.decorations = build(update.view)
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ]
}
