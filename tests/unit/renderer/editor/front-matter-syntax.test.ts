import { EditorState } from '@codemirror/state'
import { ensureSyntaxTree, foldable } from '@codemirror/language'
import { markdownLanguageSupport } from '@renderer/editor/extensions/markdown-language'
import { frontMatterFold } from '@renderer/editor/extensions/front-matter-fold'
import { frontMatterState } from '@renderer/editor/extensions/front-matter-state'

const text = `---
# a YAML comment, not a heading
title: Hello
---
# Real heading
`

function nodeNames(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: [markdownLanguageSupport()] })
  const names: string[] = []
  ensureSyntaxTree(state, doc.length, 5000)?.iterate({ enter: (node) => void names.push(node.name) })
  return names
}

describe('front-matter syntax and fold', () => {
  it('parses the block as FrontMatter, so a YAML comment inside is not a heading', () => {
    const names = nodeNames(text)
    expect(names).toContain('FrontMatter')
    expect(names).toContain('FrontMatterKey')
    expect(names.filter((n) => n === 'ATXHeading1')).toHaveLength(1)
  })

  it('leaves a document without front matter alone', () => {
    expect(nodeNames('Just text\n---\n')).not.toContain('FrontMatter')
  })

  it('folds the block from the opening fence to the closing fence', () => {
    const state = EditorState.create({ doc: text, extensions: [frontMatterState(), frontMatterFold()] })
    const first = state.doc.line(1)
    expect(foldable(state, first.from, first.to)).toEqual({ from: 3, to: state.doc.line(4).to })
    const second = state.doc.line(2)
    expect(foldable(state, second.from, second.to)).toBeNull()
  })
})
