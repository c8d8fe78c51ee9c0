import fs from 'node:fs/promises'
import path from 'node:path'
import type { ExportFailure, ExportFormat, PdfOptions } from '@shared/api'
import { isBundleArticle } from '@shared/article-names'
import { parseFrontMatter } from '@shared/front-matter'
import { fail, ok, type Result } from '@shared/result'
import { isArticleName, isInSkippedFolder } from '../article-files'
import { errnoToResult } from '../errno'
import { decodeText } from '../file-codec'
import { maxArticleBytes } from '../folder-session'
import { renderArticleHtml, type ArticlePlace } from './html-document'
import { articleJson, jsonText, type ArticleJson } from './json-export'
import { defaultPdfOptions, type PdfRenderer } from './pdf-chromium'
import type { ExportFile } from './zip'

/** One article to export: its output-relative path (`/` separators), its absolute path and where its images live. */
export interface ExportSource {
  rel: string
  abs: string
  place: ArticlePlace
}

/** Options of exportArticles. */
export interface ExportRunOptions {
  format: ExportFormat
  pdf?: PdfOptions
  /** Required for `pdf`. */
  pdfRenderer?: PdfRenderer
  /** JSON of several articles as one `articles.json` array (true), or one file per article (false). */
  isJsonArray?: boolean
  signal?: AbortSignal
  /** Called after each article, exported or failed. */
  onProgress?: (done: number, total: number, rel: string) => void
  now?: Date
  /** The most bytes of page-bundle resources one run reads (Markdown export); default maxBundleBytes. */
  maxResourceBytes?: number
}

/** How many bytes of bundle resources (images, attachments) one export run reads at most: 512 MB. */
export const maxBundleBytes = 512 * 1024 * 1024

/** What a run produced; `isCancelled` when the signal fired (files holds what was done before). */
export interface ExportRun {
  files: ExportFile[]
  exported: string[]
  failures: ExportFailure[]
  isCancelled: boolean
}

/** The output name of an article in another format: `posts/a.md` → `posts/a.html`. */
export function outputName(rel: string, extension: string): string {
  return rel.replace(/\.(md|markdown)$/i, '') + '.' + extension
}

async function readArticleBytes(abs: string, rel: string): Promise<Result<Uint8Array>> {
  try {
    const info = await fs.stat(abs)
    if (!info.isFile()) return fail('INVALID_PATH', `"${rel}" is not a file.`, { path: rel })
    if (info.size > maxArticleBytes) return fail('TOO_LARGE', `"${rel}" is larger than 10 MB.`, { path: rel })
    return ok(await fs.readFile(abs))
  } catch (error) {
    return errnoToResult(error, 'read', rel)
  }
}

/**
 * The resources of a page bundle: every non-article file under its folder (no dot-files, no symlinks, nothing in
 * folders the index skips), sorted. Sizes are counted against `budget` before anything is read: TOO_LARGE, naming
 * the file that passes it, when the run's total would exceed it (so 630 MB of bundles never sit in memory at once).
 */
async function bundleResources(source: ExportSource, budget: { left: number; max: number }): Promise<Result<ExportFile[]>> {
  const dir = path.dirname(source.abs)
  const relDir = path.posix.dirname(source.rel)
  const found: { name: string; abs: string }[] = []
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (!entry.isFile() || isArticleName(entry.name)) continue
      const sub = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep)
      if (sub.some((part) => part.startsWith('.')) || isInSkippedFolder(sub.join('/'))) continue
      found.push({ name: relDir === '.' ? sub.join('/') : `${relDir}/${sub.join('/')}`, abs: path.join(dir, ...sub) })
    }
    found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const file of found) {
      const size = (await fs.stat(file.abs)).size
      budget.left -= size
      if (budget.left < 0) return fail('TOO_LARGE', `bundle resources pass ${Math.round(budget.max / 1024 / 1024)} MB at "${file.name}"; export fewer articles at once`, { path: file.name })
    }
    const files: ExportFile[] = []
    for (const file of found) files.push({ name: file.name, bytes: await fs.readFile(file.abs) })
    return ok(files)
  } catch (error) {
    return errnoToResult(error, 'read the bundle of', source.rel)
  }
}

type Converted = { files: ExportFile[]; json?: ArticleJson }

async function convert(source: ExportSource, bytes: Uint8Array, options: ExportRunOptions, budget: { left: number; max: number }): Promise<Result<Converted>> {
  if (options.format === 'md') {
    const resources = isBundleArticle(source.rel) ? await bundleResources(source, budget) : ok([])
    return resources.ok ? ok({ files: [{ name: source.rel, bytes }, ...resources.value] }) : resources
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  const text = decoded.value.text
  const rendered = await renderArticleHtml(text, source.place, options.now)
  if (!rendered.ok) return rendered
  if (options.format === 'html') return ok({ files: [{ name: outputName(source.rel, 'html'), bytes: Buffer.from(rendered.value.document) }] })
  if (options.format === 'json') {
    const json = articleJson(source.rel, parseFrontMatter(text).format, rendered.value)
    return ok({ files: [{ name: outputName(source.rel, 'json'), bytes: Buffer.from(jsonText(json)) }], json })
  }
  if (options.pdfRenderer === undefined) return fail('UNSUPPORTED', 'PDF export is not available here.')
  const pdf = await options.pdfRenderer.render(rendered.value.document, options.pdf ?? defaultPdfOptions)
  return pdf.ok ? ok({ files: [{ name: outputName(source.rel, 'pdf'), bytes: pdf.value }] }) : pdf
}

function failureMessage(rel: string, error: { message: string; line?: number; column?: number }): string {
  return error.line !== undefined ? `${rel}:${error.line}:${error.column ?? 1}: ${error.message}` : `${rel}: ${error.message}`
}

/**
 * Exports each article in turn. An article that cannot be read or rendered (malformed front matter, invalid UTF-8)
 * becomes a failure with a message while the others still export. Stops between articles when `signal` aborts.
 */
export async function exportArticles(sources: readonly ExportSource[], options: ExportRunOptions): Promise<ExportRun> {
  const run: ExportRun = { files: [], exported: [], failures: [], isCancelled: false }
  const jsons: ArticleJson[] = []
  const max = options.maxResourceBytes ?? maxBundleBytes
  const budget = { left: max, max }
  for (const [i, source] of sources.entries()) {
    if (options.signal?.aborted === true) {
      run.isCancelled = true
      break
    }
    const bytes = await readArticleBytes(source.abs, source.rel)
    const converted = bytes.ok ? await convert(source, bytes.value, options, budget) : bytes
    if (converted.ok) {
      run.exported.push(source.rel)
      run.files.push(...converted.value.files)
      if (converted.value.json) jsons.push(converted.value.json)
    } else run.failures.push({ path: source.rel, message: failureMessage(source.rel, converted.error) })
    options.onProgress?.(i + 1, sources.length, source.rel)
  }
  if (options.format === 'json' && options.isJsonArray !== false && jsons.length > 1) {
    run.files = [{ name: 'articles.json', bytes: Buffer.from(jsonText(jsons)) }]
  }
  return run
}
