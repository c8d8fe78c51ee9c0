import type { ArticleSummary } from '@shared/api'
import { parseFrontMatter, type FieldInfo } from '@shared/front-matter'

function unquote(source: string): string {
  const first = source[0]
  const isQuoted = source.length >= 2 && (first === '"' || first === "'") && source.endsWith(first)
  return isQuoted ? source.slice(1, -1) : source
}

function dateAsWritten(text: string, field: FieldInfo | undefined): string | null {
  if (field === undefined) return null
  if (typeof field.value !== 'string' && typeof field.value !== 'number') return null
  return unquote(text.slice(field.valueFrom, field.valueTo).trim())
}

/**
 * The list entry for an article: title (a string `title`, else null), the date exactly as written (unquoted
 * source text), draft (`draft: true`), the front-matter format, and the first parse error if any. Never fails.
 */
export function summarizeArticle(path: string, text: string): ArticleSummary {
  const parsed = parseFrontMatter(text)
  const title = parsed.data.title
  const summary: ArticleSummary = {
    path,
    title: typeof title === 'string' ? title : null,
    date: dateAsWritten(text, parsed.fields.find((f) => f.key === 'date')),
    isDraft: parsed.data.draft === true,
    format: parsed.format,
  }
  const error = parsed.errors[0]
  if (error !== undefined) summary.error = { message: error.message, line: error.line, column: error.column }
  return summary
}
