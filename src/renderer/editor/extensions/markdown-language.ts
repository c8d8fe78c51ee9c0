import type { Extension } from '@codemirror/state'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { languages } from '@codemirror/language-data'

/** Markdown (GFM) highlighting; fenced code blocks load their language lazily from @codemirror/language-data. */
export function markdownLanguageSupport(): Extension {
  return markdown({ base: markdownLanguage, codeLanguages: languages })
}
