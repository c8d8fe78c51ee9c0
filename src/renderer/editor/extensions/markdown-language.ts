import type { Extension } from '@codemirror/state'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { languages } from '@codemirror/language-data'
import { frontMatterSyntax } from './front-matter-syntax'

/** Markdown (GFM) highlighting with the front-matter block recognised; fenced code loads its language lazily. */
export function markdownLanguageSupport(): Extension {
  return markdown({ base: markdownLanguage, codeLanguages: languages, extensions: [frontMatterSyntax] })
}
