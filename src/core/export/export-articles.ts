import path from 'node:path'
import type { ExportFailure, ExportFormat, PdfOptions } from '@shared/api'
import { isArticleName, isBundleArticle } from '@shared/article-names'
import { parseFrontMatter } from '@shared/front-matter'
import { fail, ok, type Result } from '@shared/result'
import { errnoToResult } from '../errno'
import { decodeText } from '../file-codec'
import { nodeFs, type FsPort } from '../fs-port'
import type { ArticleStore } from '../store/article-store'
import { isInSkippedFolder } from '../store/entry-rules'
import type { ExportFile, StreamedFile } from './export-file'
import { renderArticleHtml, type ArticlePlace } from './html-document'
import { articleJson, jsonText, type ArticleJson } from './json-export'
import { defaultPdfOptions, type PdfRenderer } from './pdf-chromium'

/**
 * One article to export: its output-relative path (`/` separators), the store that reads it and its path there
 * (so export reads as every other reader does: confined, size-limited, no FIFO), its absolute path (for its
 * modification time) and where its images live.
 */
export interface ExportSource {
  rel: string
  store: ArticleStore
  storePath: string
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
  /** The most bytes of page-bundle resources one run copies (Markdown export); default maxBundleBytes. */
  maxResourceBytes?: number
  /** The file-system port bundle resources are listed and opened through (tests record or fault it). */
  fs?: FsPort
}

/**
 * How many bytes of bundle resources (images, attachments) one export run copies at most: 512 MB. They are streamed
 * (never held whole), and counted before any is opened; a download answered in one response has its own, smaller cap.
 */
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

/**
 * The resources of a page bundle: every regular non-article file under its folder, found without following links,
 * skipping dot-files and what the store's skip rules skip (node_modules, dot-folders), sorted. Each is a StreamedFile,
 * confined to the store's root when opened. Sizes are counted against `budget` before anything is opened: TOO_LARGE,
 * naming the file that passes it, when the run's total would exceed it.
 */
async function bundleResources(source: ExportSource, fs: FsPort, budget: { left: number; max: number }): Promise<Result<StreamedFile[]>> {
  const root = source.store.root
  const relDir = path.posix.dirname(source.rel)
  const storeDir = path.posix.dirname(source.storePath)
  const found: StreamedFile[] = []
  const pending: string[] = [storeDir === '.' ? '' : storeDir]
  try {
    while (pending.length > 0) {
      const dir = pending.pop() as string
      for (const entry of await fs.readdir(dir === '' ? root : path.join(root, ...dir.split('/')))) {
        const inStore = dir === '' ? entry.name : `${dir}/${entry.name}`
        if (entry.name.startsWith('.') || isInSkippedFolder(inStore, true)) continue
        if (entry.isDirectory()) pending.push(inStore)
        else if (entry.isFile() && !isArticleName(entry.name)) {
          const sub = storeDir === '.' ? inStore : inStore.slice(storeDir.length + 1)
          const abs = path.join(root, ...inStore.split('/'))
          found.push({ name: relDir === '.' ? sub : `${relDir}/${sub}`, size: (await fs.lstat(abs)).size, source: { fs, root, abs } })
        }
      }
    }
  } catch (error) {
    return errnoToResult(error, 'read the bundle of', source.rel)
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const file of found) {
    budget.left -= file.size
    if (budget.left < 0) return fail('TOO_LARGE', `bundle resources pass ${Math.round(budget.max / 1024 / 1024)} MB at "${file.name}"; export fewer articles at once`, { path: file.name })
  }
  return ok(found)
}

type Converted = { files: ExportFile[]; json?: ArticleJson }

async function convert(source: ExportSource, bytes: Uint8Array, options: ExportRunOptions, budget: { left: number; max: number }): Promise<Result<Converted>> {
  if (options.format === 'md') {
    const resources = isBundleArticle(source.rel) ? await bundleResources(source, options.fs ?? nodeFs, budget) : ok([])
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
    const read = await source.store.read(source.storePath)
    const converted = read.ok ? await convert(source, read.value.bytes, options, budget) : read
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
