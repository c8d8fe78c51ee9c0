import { fail, ok, type Result } from '@shared/result'
import { siteRulesForFolderSync } from '../hugo-site'
import { ArticleIndex } from '../index/article-index'
import type { ShardMode } from '../index/shard-client'
import { NodeArticleStore } from '../store/node-store'
import { checkThroughStore, type FileCheck } from './file-check'

/** Options of checking a folder's articles. */
export interface FolderCheckOptions {
  /** Where the shards run (see ShardMode): the caller decides whether the folder pays for worker threads. */
  mode?: ShardMode
  /** The summary cache folder (see summary-cache): verdicts of unchanged files come from it, and go into it. */
  cacheDir?: string | null
  /** The worker entry the shards run instead of index-worker (see ShardClientOptions). */
  workerScript?: URL
  /** Every article of the folder, listed already (see ArticleIndexOptions.listed). */
  listed?: readonly string[]
  /** How many shards (see ArticleIndexOptions.shards); the caller gives a small folder the app's count (shardCountFor). */
  shards?: number
}

/**
 * Checks every article of the folder `root` (its real path) with the folder index's own pipeline: the same shards
 * and worker threads, listing handed out in chunks while they read, and the same summary cache, whose entries carry
 * `folio check`'s problems once a check has read the file (each used only while the file's size, mtime and ctime
 * are unchanged). Results are sorted by path; a file the shards could not read as UTF-8 text is read again through
 * the article store, which names the problem exactly. Fails only when the folder cannot be listed.
 */
export async function checkFolder(root: string, options: FolderCheckOptions = {}): Promise<Result<FileCheck[]>> {
  const index = new ArticleIndex(root, { mode: options.mode ?? 'auto', cacheDir: options.cacheDir ?? null, workerScript: options.workerScript, listed: options.listed, shards: options.shards, withProblems: true })
  // NOTE: nothing searches: the full-text pass (a second read of every file) never starts.
  index.holdFullTextUntil(new Promise<never>(() => undefined))
  try {
    const done = await index.start()
    if (!done.ok) return done
    // NOTE: written before the report, so the next check (a script running it in a loop) finds it.
    if (options.cacheDir !== undefined && options.cacheDir !== null) await index.saveCache()
    const nowMs = Date.now()
    const out: FileCheck[] = []
    let store: NodeArticleStore | null = null
    for (const summary of index.snapshot().articles) {
      const problems = index.problemsOf(summary.path)
      if (problems !== null && problems !== undefined) {
        out.push({ rel: summary.path, problems, build: summary.buildStatus ?? 'published' })
        continue
      }
      if (store === null) {
        const opened = await NodeArticleStore.open(root, { policy: 'any' })
        if (!opened.ok) return fail(opened.error.code, opened.error.message)
        store = opened.value
      }
      out.push({ rel: summary.path, ...(await checkThroughStore(store, summary.path, siteRulesForFolderSync(root).rules, nowMs)) })
    }
    return ok(out)
  } finally {
    await index.dispose()
  }
}
