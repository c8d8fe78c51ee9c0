import { realpath } from 'node:fs/promises'
import type { ArticleSummary } from '@shared/api'
import { ArticleIndex } from '../../core/index/article-index'
import type { ShardMode } from '../../core/index/shard-client'
import { listArticleChunks, shardCountFor } from '../../core/index/shard-files'
import { defaultCacheDir } from '../../core/index/summary-cache'
import { exitCode, type CliCommand } from '../command'
import { folderArg } from '../folder-arg'

const usage = 'index <dir> [--json] [--no-cache]   list every article: path, title, date as written, Hugo build status (now, site time zone), draft, tags, categories, format, error'

/** The JSON line of one article: the fields `folio index --json` promises, `error` only when there is one. */
export function indexLine(a: ArticleSummary): Record<string, unknown> {
  const line: Record<string, unknown> = {
    path: a.path,
    title: a.title,
    date: a.date,
    draft: a.isDraft,
    build: a.buildStatus ?? (a.isDraft ? 'draft' : 'published'),
    tags: a.tags ?? [],
    categories: a.categories ?? [],
    format: a.format,
  }
  if (a.error !== undefined) line.error = a.error
  return line
}

/** From how many articles the index's worker threads pay for their start-up (measured: about 0.3 s of CPU for two). */
const workerThreshold = 2000

/**
 * Every article of `root` (in listing order) when it holds fewer than `count`; null when it holds at least `count`
 * (the listing stops as soon as it knows) or the root cannot be read (the index's own listing then reports it).
 */
export function articlesIfFewer(root: string, count: number): string[] | null {
  const enough = new Error('enough articles')
  const found: string[] = []
  try {
    const isRead = listArticleChunks(root, (paths) => {
      found.push(...paths)
      if (found.length >= count) throw enough
    })
    return isRead ? found : null
  } catch (error) {
    if (error !== enough) throw error
    return null
  }
}

/**
 * Where a one-off command's index shards run: on worker threads only for a large folder; a small one is indexed in
 * this thread, from the listing made to tell (`listed`: it is not listed twice). NOTE: a small folder gets the app's
 * shard count too (shardCountFor), in this thread, so both read and write the same cache files.
 */
export function oneOffPlacement(root: string): { mode: ShardMode; listed?: readonly string[]; shards?: number } {
  const listed = articlesIfFewer(root, workerThreshold)
  return listed === null ? { mode: 'auto' } : { mode: 'local', listed, shards: shardCountFor(listed.length) }
}

/**
 * The folder index as a one-off command uses it: summaries only (the full-text pass is held: nothing searches), placed
 * by oneOffPlacement. With `cacheDir`, summaries of unchanged files come from the summary cache the app and `folio serve`
 * keep there (see summary-cache).
 */
export function oneOffIndex(root: string, cacheDir: string | null = null): ArticleIndex {
  const index = new ArticleIndex(root, { ...oneOffPlacement(root), cacheDir })
  index.holdFullTextUntil(new Promise<never>(() => undefined))
  return index
}

function textLine(a: ArticleSummary): string {
  const flags = [a.buildStatus ?? (a.isDraft ? 'draft' : 'published'), a.error ? `error ${a.error.line}:${a.error.column} ${a.error.message}` : ''].filter(Boolean)
  return [a.path, a.title ?? '', a.date ?? '', a.format, ...flags].join('\t')
}

function summaryLine(articles: ArticleSummary[], ms: number): string {
  const formats = { yaml: 0, toml: 0, json: 0, none: 0 }
  let errors = 0
  const builds = { published: 0, draft: 0, future: 0, expired: 0 }
  for (const a of articles) {
    formats[a.format] += 1
    if (a.error !== undefined) errors += 1
    builds[a.buildStatus ?? (a.isDraft ? 'draft' : 'published')] += 1
  }
  const byFormat = Object.entries(formats).map(([k, v]) => `${v} ${k}`).join(', ')
  const byBuild = `${builds.published} published, ${builds.draft} drafts, ${builds.future} future, ${builds.expired} expired`
  return `folio index: ${articles.length} articles (${byFormat}), ${byBuild}, ${errors} with errors, in ${Math.round(ms)} ms\n`
}

/** `folio index`: one line per article on stdout (JSON with --json, tab-separated otherwise), a summary on stderr. */
export const indexCommand: CliCommand = {
  name: 'index',
  usage,
  async run(args, io) {
    const isJson = args.includes('--json')
    const isCached = !args.includes('--no-cache')
    const rest = args.filter((a) => a !== '--json' && a !== '--no-cache')
    if (rest.length !== 1 || rest[0]?.startsWith('--')) {
      io.stderr(`folio index: ${rest.length === 0 ? 'missing <dir>' : 'expected one <dir> and optionally --json, --no-cache'}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const root = await folderArg('index', rest[0], io)
    if (root === null) return exitCode.usage
    const started = performance.now()
    // NOTE: the cache is keyed by the folder's real path, as the app opens it, so both use the same files.
    const index = oneOffIndex(await realpath(root), isCached ? defaultCacheDir() : null)
    try {
      const done = await index.start()
      if (!done.ok) {
        io.stderr(`folio index: ${done.error.message}\n`)
        return exitCode.content
      }
      // NOTE: written before printing, so the next run (a script calling folio index in a loop) finds it.
      if (isCached) await index.saveCache()
      const { articles } = index.snapshot()
      const ms = performance.now() - started
      const out: string[] = articles.map((a) => (isJson ? JSON.stringify(indexLine(a)) : textLine(a)))
      if (out.length > 0) io.stdout(out.join('\n') + '\n')
      io.stderr(summaryLine(articles, ms))
      return exitCode.ok
    } finally {
      await index.dispose()
    }
  },
}
