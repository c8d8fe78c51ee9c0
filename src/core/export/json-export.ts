import type { FrontMatterFormat, FrontMatterValue } from '@shared/front-matter'
import type { RenderedArticle } from './html-document'

/** One article in the JSON export; the shape is documented in docs/export-json.md. */
export interface ArticleJson {
  /** Relative path with `/` separators (relative to the exported folder). */
  path: string
  frontMatterFormat: FrontMatterFormat
  /** Front-matter values as parsed (dates stay the strings written). */
  frontMatter: Record<string, FrontMatterValue>
  /** The Markdown after the front matter, exactly as saved (LF line breaks). */
  body: string
  /** The sanitized rendered body with header, images inlined as data URIs. */
  html: string
}

/** Builds the JSON object of one rendered article. */
export function articleJson(path: string, format: FrontMatterFormat, article: RenderedArticle): ArticleJson {
  return { path, frontMatterFormat: format, frontMatter: article.frontMatter, body: article.body, html: article.html }
}

/** Serialises one object or an array, indented, with a final newline. */
export function jsonText(value: ArticleJson | ArticleJson[]): string {
  return JSON.stringify(value, null, 2) + '\n'
}
