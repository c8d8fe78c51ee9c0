import path from 'node:path'
import fs from 'node:fs/promises'
import type { ExportFailure, ExportOutcome, ExportRequest, FolderEvent } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { isBundleArticle } from '@shared/article-names'
import { resolveArticlePath } from '../article-path'
import { writeFileAtomic } from '../atomic-write'
import type { ContentRoot } from '../content-root'
import { errnoToResult } from '../errno'
import type { ArticleStore } from '../store/article-store'
import { collectChunks } from './export-file'
import { exportArticles, type ExportRun, type ExportSource } from './export-articles'
import type { ExportJobs } from './export-jobs'
import type { ExportStateStore } from './export-state'
import { packageExport } from './package-output'
import type { PdfRenderer } from './pdf-chromium'
import { findSiteRoot, siteLimitFor } from './site-files'
import { parseSinceDate } from './validate-export'

/** What an export from the open folder needs from its host. */
export interface ExportHost {
  /** A PDF renderer for one export (closed afterwards): Electron's printToPDF on desktop, headless Chromium elsewhere. */
  createPdfRenderer(): PdfRenderer
  state: ExportStateStore
  jobs: ExportJobs
  /** Desktop: asks where to save (null when cancelled). Absent in browser mode, where the bytes are downloaded. */
  chooseDestination?(suggestedName: string): Promise<string | null>
  /** Receives `export-progress` events. */
  emit?(event: FolderEvent): void
}

/**
 * How many bytes of bundle resources a browser download may hold: it is answered in one response (base64 in JSON),
 * so it is built in memory; exports written to disk stream and have the larger maxBundleBytes.
 */
export const maxDownloadResourceBytes = 100 * 1024 * 1024

/** Resolves request paths to sources read through `store`; a path that is refused becomes a failure of its own. */
async function sourcesOf(root: ContentRoot, store: ArticleStore, paths: readonly string[]): Promise<{ sources: ExportSource[]; failures: ExportFailure[] }> {
  const limit = await siteLimitFor(root.root)
  const sites = new Map<string, string>()
  const sources: ExportSource[] = []
  const failures: ExportFailure[] = []
  for (const rel of new Set(paths)) {
    const abs = await resolveArticlePath(root, rel)
    if (!abs.ok) {
      failures.push({ path: rel, message: abs.error.message })
      continue
    }
    const articleDir = path.dirname(abs.value)
    const siteRoot = sites.get(articleDir) ?? (await findSiteRoot(articleDir, limit))
    sites.set(articleDir, siteRoot)
    sources.push({ rel, store, storePath: rel, abs: abs.value, place: { articleDir, siteRoot, isPageBundle: isBundleArticle(rel) } })
  }
  return { sources, failures }
}

/** Keeps the sources modified after `since` (file mtime). */
export async function modifiedSince(sources: readonly ExportSource[], since: Date): Promise<Result<ExportSource[]>> {
  const kept: ExportSource[] = []
  for (const source of sources) {
    try {
      if ((await fs.stat(source.abs)).mtimeMs > since.getTime()) kept.push(source)
    } catch (error) {
      return errnoToResult(error, 'check', source.rel)
    }
  }
  return ok(kept)
}

async function sinceDate(request: ExportRequest, root: string, host: ExportHost): Promise<Result<Date | null>> {
  if (request.since === undefined) return ok(null)
  if (request.since !== 'last-export') return parseSinceDate(request.since)
  return host.state.lastExport(root)
}

async function runWithProgress(sources: ExportSource[], request: ExportRequest, host: ExportHost): Promise<ExportRun> {
  const jobId = request.jobId
  const signal = jobId === undefined ? undefined : host.jobs.start(jobId)
  const pdfRenderer = request.format === 'pdf' ? host.createPdfRenderer() : undefined
  try {
    if (jobId !== undefined) host.emit?.({ kind: 'export-progress', jobId, done: 0, total: sources.length, path: null })
    return await exportArticles(sources, {
      format: request.format,
      pdf: request.pdf,
      pdfRenderer,
      signal,
      isJsonArray: request.zip !== true,
      ...(host.chooseDestination ? {} : { maxResourceBytes: maxDownloadResourceBytes }),
      onProgress: (done, total, rel) => {
        if (jobId !== undefined) host.emit?.({ kind: 'export-progress', jobId, done, total, path: rel })
      },
    })
  } finally {
    if (jobId !== undefined && signal !== undefined) host.jobs.finish(jobId, signal)
    await pdfRenderer?.close()
  }
}

/**
 * Exports articles of the open folder as one file (a zip for several): answered as a download, or written where
 * the host's save dialog says. Articles that fail are listed in `failures`; the request fails as a whole only when
 * nothing was selected or nothing could be exported. A successful export is recorded as the folder's last export.
 */
export async function exportFromFolder(root: ContentRoot, request: ExportRequest, host: ExportHost, store: ArticleStore): Promise<Result<ExportOutcome>> {
  const startedAt = new Date()
  const resolved = await sourcesOf(root, store, request.paths)
  const since = await sinceDate(request, root.root, host)
  if (!since.ok) return since
  const selected = since.value === null ? ok(resolved.sources) : await modifiedSince(resolved.sources, since.value)
  if (!selected.ok) return selected
  if (selected.value.length === 0 && resolved.failures.length === 0) return fail('NOT_FOUND', 'No article was modified since then; nothing to export.')
  const run = await runWithProgress(selected.value, request, host)
  const failures = [...resolved.failures, ...run.failures]
  if (run.isCancelled) return ok({ kind: 'cancelled', exported: run.exported, failures })
  if (run.exported.length === 0) {
    return fail(failures.length === 1 ? 'PARSE' : 'IO', `Nothing was exported. ${failures.map((f) => f.message).join('\n')}`)
  }
  const packaged = packageExport(run.files, `${path.basename(root.root)}-export-${startedAt.toISOString().slice(0, 10)}`, request.zip === true)
  let outcome: ExportOutcome
  if (host.chooseDestination) {
    const destination = await host.chooseDestination(packaged.fileName)
    if (destination === null) return ok({ kind: 'cancelled', exported: [], failures })
    const written = await writeFileAtomic(destination, packaged.produce)
    if (!written.ok) return written
    outcome = { kind: 'written', files: [destination], exported: run.exported, failures }
  } else {
    const bytes = await collectChunks(packaged.produce)
    if (!bytes.ok) return bytes
    outcome = { kind: 'download', fileName: packaged.fileName, mimeType: packaged.mimeType, base64: Buffer.from(bytes.value).toString('base64'), exported: run.exported, failures }
  }
  // NOTE: the time recorded is when the export began, so an edit made while it ran counts as modified next time.
  // Failing to record only makes the next "since the last export" take more articles; the export itself succeeded.
  await host.state.record(root.root, startedAt)
  return ok(outcome)
}
