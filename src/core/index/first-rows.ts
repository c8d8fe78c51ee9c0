import path from 'node:path'
import type { ArticleSummary } from '@shared/api'
import type { HugoSiteRules } from '@shared/hugo'
import { siteRulesForFolderSync } from '../hugo-site'
import { summaryOfRead } from './shard-core'
import { listFirstArticles, readForSummary } from './shard-files'

/** Options of summarizeFirstRows. */
export interface FirstRowsOptions {
  /** How many articles at most; default 64 (more than a list shows on one screen). */
  max?: number
  /** How many are read whatever the time; default 24 (a screen of rows). */
  min?: number
  /** How long reading may go on past `min` files (ms), checked between files; default 40. */
  budgetMs?: number
  /** The clock for build status (ms); default Date.now. */
  nowMs?: () => number
  /** The rules Hugo reads dates by; default: read from the folder's Hugo config. */
  siteRules?: HugoSiteRules
}

/**
 * Summaries of the first few articles the listing finds under `root`, read in this thread, so a list can show rows
 * before the index's worker threads have started, listed the folder or loaded their summary cache (on a busy machine
 * that takes seconds). The index reads these files again in its shards; these rows only come first. Files that are
 * gone are left out; one that cannot be read gets its error as the shards would give it.
 */
export function summarizeFirstRows(root: string, options: FirstRowsOptions = {}): ArticleSummary[] {
  const budgetMs = options.budgetMs ?? 40
  const min = options.min ?? 24
  const nowMs = options.nowMs ?? Date.now
  const rules = options.siteRules ?? siteRulesForFolderSync(root).rules
  const rows: ArticleSummary[] = []
  const paths = listFirstArticles(root, options.max ?? 64)
  const started = performance.now()
  for (const [i, rel] of paths.entries()) {
    // NOTE: this runs on the host's own thread: past a screen of rows, a slow disk or a slow file (20,000 aliases)
    // stops the pass after it, not 40 files later.
    if (i >= min && performance.now() - started > budgetMs) break
    const read = readForSummary(path.join(root, ...rel.split('/')), root)
    if (read.kind !== 'missing') rows.push(summaryOfRead(rel, read, nowMs(), false, rules).summary)
  }
  return rows
}
