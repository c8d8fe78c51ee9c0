import type { HugoSiteRules } from '@shared/hugo'
import { siteRulesForFolderSync } from '../hugo-site'
import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary, SearchHit } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import { FolderSchemaCache } from '../schema/folder-schema'
import type { TextProblem } from '../text-problem'
import { bodyStart, buildStatusOf, checkedSummaryOf, internedList, isSameApartFromWordCount, isSameSummary, summarizeWithDates, type DatedSummary } from './article-record'
import type { CheckProblem } from './check-problem'
import { makeSnippet } from './search-snippet'
import { listArticleChunks, readForSummary, readIndexedText } from './shard-files'
import { isSameStamp, loadShardCache, saveShardCache, type CacheStamp, type CachedArticle } from './summary-cache'
import { onFile, type ShardCursor } from './shard-cursor'
import { TermIndex } from './term-index'
import type { RankedMatch } from './ranking'

// NOTE: the ranking has its own module so the folder scan uses it without loading the shard.
export { compareRanked, type RankedMatch } from './ranking'

/** What the index remembers about one file besides its summary: enough to recognise it after a rename. */
export interface FileStamp {
  size: number
  mtimeMs: number
}

interface ShardRecord extends DatedSummary {
  /** The file's stamp when it was read (by the summary pass, the full-text pass or an update); null for none. */
  stamp: CacheStamp | null
  docId: number
  /** `folio check`'s problems of the file as stamped (see CachedArticle); null when not checked. */
  problems: readonly CheckProblem[] | null
}

/** Options of a ShardCore. */
export interface ShardCoreOptions {
  /** The clock for build status (ms); default Date.now. */
  nowMs?: () => number
  /** The rules Hugo reads dates by; default: read from the folder's Hugo config. */
  siteRules?: HugoSiteRules
  /** This shard's summary cache file (see summary-cache); null or absent: no cache, every file is read. */
  cacheFile?: string | null
  /** How long after the last change the cache is written again (ms); default 3000. */
  cacheDelayMs?: number
  /** Where the file being read is marked for the parent (see ShardCursor); null or absent: nowhere. */
  cursor?: ShardCursor | null
  /**
   * `folio check`'s mode: each file read is parsed fully for every problem (see checkedSummaryOf), and a cached
   * summary is used only with its problems. Default false: the index's summaries only.
   */
  withProblems?: boolean
}

// NOTE: spelled out rather than spread: a spread into a new object literal took half of `summarize`'s own time.
function recordOf(dated: DatedSummary, stamp: CacheStamp | null, problems: readonly CheckProblem[] | null = null): ShardRecord {
  return { summary: dated.summary, publishDate: dated.publishDate, expiryDate: dated.expiryDate, stamp, docId: -1, problems }
}

/** The summary of a file whose bytes are not UTF-8 text: its error names the problem and where it starts. */
function withTextProblem(dated: DatedSummary, problem: TextProblem | null): DatedSummary {
  if (problem !== null) dated.summary.error = { message: `${problem.message} It opens read-only.`, line: problem.line, column: problem.column, isFileError: true, isReadOnly: true }
  return dated
}

/** The summary of a file as read for the index: of its text (with any problem of its bytes), or its read error. */
export function summaryOfRead(
  rel: string,
  read: { kind: 'text'; text: string; problem: TextProblem | null } | { kind: 'failed'; message: string },
  nowMs: number,
  withWordCount: boolean,
  rules: HugoSiteRules,
): DatedSummary {
  return read.kind === 'text' ? withTextProblem(summarizeWithDates(rel, read.text, nowMs, withWordCount, rules), read.problem) : failedSummary(rel, read.message)
}

/** The summary of a file that could not be read or summarized: its error says why. */
export function failedSummary(rel: string, message: string): DatedSummary {
  const summary: ArticleSummary = { path: rel, title: null, date: null, isDraft: false, format: 'none', tags: [], categories: [], wordCount: 0, buildStatus: 'published', error: { message, line: 1, column: 1, isFileError: true } }
  return { summary, publishDate: null, expiryDate: null }
}

/**
 * One shard of the folder index: summaries and a full-text term index for a subset of the articles. Synchronous
 * and single-threaded; it runs inside a worker thread (or in-process as a fallback).
 */
export class ShardCore {
  private readonly records = new Map<string, ShardRecord>()
  private readonly byDoc = new Map<number, string>()
  private readonly terms = new TermIndex()
  private pendingTerms: string[] = []
  private pendingAt = 0
  private readonly schemas = new FolderSchemaCache()
  private readonly nowMs: () => number
  private rules: HugoSiteRules | null = null
  private cached: Map<string, CachedArticle> | null = null
  private cacheTimer: NodeJS.Timeout | null = null
  private cacheWrite: Promise<unknown> = Promise.resolve()
  /** True once the cache file no longer says what this shard knows: a file was read, changed or removed. */
  private isCacheStale = false

  constructor(
    private readonly root: string,
    private readonly options: ShardCoreOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now
  }

  /** The site's rules for Hugo's dates (its config's timeZone), read once per shard. */
  private siteRules(): HugoSiteRules {
    this.rules ??= this.options.siteRules ?? siteRulesForFolderSync(this.root).rules
    return this.rules
  }

  /**
   * Lists every article under the root (see listArticlesInChunks), handing paths to `take` in chunks as they are
   * found; false when the root itself cannot be read.
   */
  list(take: (paths: string[]) => void): boolean {
    return listArticleChunks(this.root, take)
  }

  /**
   * Reads and summarizes one article (phase 1) without its word count; words are counted and indexed later by
   * `indexTerms`. Null when it is gone, or already summarized in this pass (from the cache, or by an update).
   */
  summarize(rel: string): ArticleSummary | null {
    return onFile(this.options.cursor ?? null, rel, () => this.summarizeFile(rel))
  }

  private summarizeFile(rel: string): ArticleSummary | null {
    if (this.records.has(rel)) return null
    const cached = this.fromCache(rel)
    if (cached !== null) return cached.summary
    // NOTE: `folio check` too decodes only the front matter (readForSummary): its problems lie there, and the body's
    // bytes are still checked for being UTF-8 text.
    const read = readForSummary(this.abs(rel), this.root)
    this.isCacheStale = true
    if (read.kind === 'missing') {
      this.remove(rel)
      return null
    }
    this.forgetDoc(rel)
    let record: ShardRecord
    if (this.options.withProblems === true && read.kind === 'text' && read.problem === null) {
      const checked = checkedSummaryOf(rel, read.text, this.nowMs(), this.siteRules())
      record = recordOf(checked.dated, read.stamp, checked.problems)
    } else record = recordOf(summaryOfRead(rel, read, this.nowMs(), false, this.siteRules()), read.stamp)
    this.records.set(rel, record)
    this.pendingTerms.push(rel)
    return record.summary
  }

  /** `folio check`'s problems of a summarized article (see ShardCoreOptions.withProblems); null when not known. */
  problemsOf(rel: string): readonly CheckProblem[] | null {
    return this.records.get(rel)?.problems ?? null
  }

  /** True in `folio check`'s mode (see ShardCoreOptions.withProblems). */
  get isChecking(): boolean {
    return this.options.withProblems === true
  }

  /** Re-reads one changed or added article and indexes it fully (summary, word count, words). Null when it is gone. */
  update(rel: string): { summary: ArticleSummary; stamp: FileStamp } | null {
    return onFile(this.options.cursor ?? null, rel, () => this.updateFile(rel))
  }

  private updateFile(rel: string): { summary: ArticleSummary; stamp: FileStamp } | null {
    const read = readIndexedText(this.abs(rel), this.root)
    this.isCacheStale = true
    if (read.kind === 'missing') {
      this.remove(rel)
      return null
    }
    this.forgetDoc(rel)
    const dated = summaryOfRead(rel, read, this.nowMs(), true, this.siteRules())
    const record = recordOf(dated, read.stamp)
    if (read.kind === 'text') this.addDoc(rel, record, read.text)
    this.records.set(rel, record)
    this.scheduleCacheWrite()
    return { summary: record.summary, stamp: read.stamp }
  }

  /**
   * Indexes the words of up to `max` articles summarized but not yet word-indexed, summarizing each again from the
   * text just read (with its word count), and hands `onSummary` those that differ from what the summary pass said
   * (a word count added, or the file changed since); returns how many are left.
   */
  indexTerms(max: number, onSummary: (summary: ArticleSummary) => void): number {
    this.cached = null
    for (let n = 0; n < max && this.pendingAt < this.pendingTerms.length; n++) {
      const rel = this.pendingTerms[this.pendingAt++]
      const record = this.records.get(rel)
      if (record === undefined || record.docId !== -1) continue
      const read = onFile(this.options.cursor ?? null, rel, () => readIndexedText(this.abs(rel), this.root))
      if (read.kind !== 'text') continue
      const dated = onFile(this.options.cursor ?? null, rel, () => withTextProblem(summarizeWithDates(rel, read.text, this.nowMs(), true, this.siteRules()), read.problem))
      const isChanged = !isSameSummary(record.summary, dated.summary)
      // NOTE: most re-reads only add the word count; it is set on the summary kept since the summary pass rather
      // than replacing it, so 50,000 long-lived summaries do not all turn to garbage at once.
      const isSameDates = record.publishDate === dated.publishDate && record.expiryDate === dated.expiryDate
      if (isSameDates && isSameApartFromWordCount(record.summary, dated.summary)) record.summary.wordCount = dated.summary.wordCount
      else Object.assign(record, { summary: dated.summary, publishDate: dated.publishDate, expiryDate: dated.expiryDate, problems: null })
      // NOTE: problems found in other bytes than these no longer hold; `folio check` then reads the file again.
      if (record.stamp === null || !isSameStamp(record.stamp, read.stamp)) record.problems = null
      record.stamp = read.stamp
      this.addDoc(rel, record, read.text)
      if (isChanged) onSummary(record.summary)
    }
    const left = this.pendingTerms.length - this.pendingAt
    if (left === 0) {
      this.pendingTerms = []
      this.pendingAt = 0
      this.terms.compact()
    }
    return left
  }

  /** Forgets an article. */
  remove(rel: string): void {
    this.isCacheStale = true
    this.forgetDoc(rel)
    if (this.records.delete(rel)) this.scheduleCacheWrite()
  }

  /**
   * Writes the summary cache now (when this shard has one): every article read, with the stamp read then (and its
   * word count once the full-text pass has it). Resolves when written; a cache that cannot be written is skipped (it
   * only speeds up the next open).
   */
  async saveCache(): Promise<void> {
    const file = this.options.cacheFile
    if (file === undefined || file === null) return
    if (this.cacheTimer !== null) clearTimeout(this.cacheTimer)
    this.cacheTimer = null
    const articles: CachedArticle[] = []
    for (const record of this.records.values()) {
      const { summary, stamp, publishDate, expiryDate, problems } = record
      if (stamp === null || summary.error?.isFileError === true) continue
      articles.push({ size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, summary, publishDate, expiryDate, problems })
    }
    // NOTE: writes are chained so an older snapshot never lands after a newer one.
    this.cacheWrite = this.cacheWrite.then(() => saveShardCache(file, this.root, articles, this.siteRules()))
    await this.cacheWrite
  }

  /**
   * Writes the summary cache after a summary pass, unless every article came from it unchanged (a one-off command
   * run again on a folder that did not change writes nothing).
   */
  async saveCacheIfStale(): Promise<void> {
    if (this.isCacheStale || (this.cached?.size ?? 0) > 0) await this.saveCache()
  }

  /** The stamp recorded for a path, if indexed. */
  stampOf(rel: string): FileStamp | undefined {
    return this.records.get(rel)?.stamp ?? undefined
  }

  /** Articles containing every term (the last as a prefix), ranked: title matches first, then by path; the first `limit`. */
  search(terms: readonly string[], limit: number): { ranked: RankedMatch[]; total: number } {
    const ids = this.terms.match(terms)
    // NOTE: a query may match every article; ranking them makes no object or lower-cased title per match.
    const inTitle = terms.map((term) => new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'))
    const titleHits: string[] = []
    const others: string[] = []
    for (const id of ids) {
      const path = this.byDoc.get(id) as string
      const title = this.records.get(path)?.summary.title
      if (title !== null && title !== undefined && inTitle.every((pattern) => pattern.test(title))) titleHits.push(path)
      else others.push(path)
    }
    titleHits.sort()
    const shown = titleHits.slice(0, limit).map((path) => ({ path, isTitleHit: true }))
    if (shown.length < limit) {
      others.sort()
      for (const path of others.slice(0, limit - shown.length)) shown.push({ path, isTitleHit: false })
    }
    return { ranked: shown, total: ids.length }
  }

  /** Search hits with a snippet each, for paths this shard holds. */
  snippets(paths: readonly string[], terms: readonly string[]): SearchHit[] {
    return paths.map((rel) => {
      const read = onFile(this.options.cursor ?? null, rel, () => readIndexedText(this.abs(rel), this.root))
      const text = read.kind === 'text' ? read.text : ''
      const snippet = makeSnippet(text, terms, bodyStart(text))
      return { path: rel, title: this.records.get(rel)?.summary.title ?? null, snippets: snippet === null ? [] : [snippet] }
    })
  }

  /**
   * The folder's front-matter schema, built here so the host's event loop never reads every article (one shard is
   * asked; its cache keeps each article's data by size and mtime, so a rebuild after a save reads only what changed).
   */
  folderSchema(): Promise<Result<FolderSchema>> {
    return this.schemas.build(this.root)
  }

  /**
   * The paths this shard's summary cache knows (read now if need be), for `summarizeCached`; empty without a cache.
   * NOTE: asked before the folder is listed, so rows of a reopened folder show while the listing runs.
   */
  cachedPaths(): string[] {
    const file = this.options.cacheFile
    if (file === undefined || file === null || this.pendingAt !== 0) return []
    this.cached ??= loadShardCache(file, this.root, this.siteRules())
    return [...this.cached.keys()]
  }

  /** The summary of a cached article whose file still has the cached stamp (recorded for the full-text pass); else null. */
  summarizeCached(rel: string): ArticleSummary | null {
    if (this.records.has(rel)) return null
    return this.fromCache(rel)?.summary ?? null
  }

  /** The article's summary from the cache when the file's size, mtime and ctime are those cached; else null. */
  private fromCache(rel: string): ShardRecord | null {
    const file = this.options.cacheFile
    if (file === undefined || file === null) return null
    this.cached ??= loadShardCache(file, this.root, this.siteRules())
    const entry = this.cached.get(rel)
    if (entry === undefined) return null
    // NOTE: each entry is looked at once; a miss is read like a file the cache never knew.
    this.cached.delete(rel)
    if (this.options.withProblems === true && entry.problems === null) {
      this.isCacheStale = true
      return null
    }
    const stats = fs.statSync(this.abs(rel), { throwIfNoEntry: false })
    const stamp = stats?.isFile() === true ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs } : null
    if (stamp === null || !isSameStamp(entry, stamp)) {
      this.isCacheStale = true
      return null
    }
    // NOTE: the entry was made for this lookup and is dropped above, so its summary is completed in place.
    const { summary } = entry
    summary.buildStatus = buildStatusOf({ isDraft: summary.isDraft, publishDate: entry.publishDate, expiryDate: entry.expiryDate }, this.nowMs())
    summary.tags = internedList(summary.tags ?? [])
    summary.categories = internedList(summary.categories ?? [])
    const record = recordOf(entry, stamp, entry.problems)
    this.forgetDoc(rel)
    this.records.set(rel, record)
    this.pendingTerms.push(rel)
    return record
  }

  private scheduleCacheWrite(): void {
    const file = this.options.cacheFile
    if (file === undefined || file === null || this.pendingTerms.length > 0 || this.cacheTimer !== null) return
    this.cacheTimer = setTimeout(() => void this.saveCache(), this.options.cacheDelayMs ?? 3000)
    // NOTE: a pending cache write never keeps the process alive; a lost write only costs a slower next open.
    this.cacheTimer.unref()
  }

  private addDoc(rel: string, record: ShardRecord, text: string): void {
    record.docId = this.terms.add(rel, text)
    this.byDoc.set(record.docId, rel)
  }

  private forgetDoc(rel: string): void {
    const old = this.records.get(rel)
    if (old !== undefined && old.docId !== -1) {
      this.terms.remove(old.docId)
      this.byDoc.delete(old.docId)
    }
  }

  private abs(rel: string): string {
    return path.sep === '/' ? `${this.root}/${rel}` : path.join(this.root, ...rel.split('/'))
  }
}
