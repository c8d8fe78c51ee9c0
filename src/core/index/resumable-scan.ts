import { ok, type Result } from '@shared/result'
import type { ArticleScope } from '../store/entry-rules'
import { maxNamedSkips, scanArticles, titlePatterns, type RankedHit, type SkippedFile } from './folder-scan'
import { articleWalk } from './folder-walk'

// The search of a folder whose full-text index is still building (see ArticleIndex.search), kept from one ask to the
// next. NOTE: it used to scan the folder from its start at every ask (the page asks every 500 ms) for 500 ms in one
// go on the host's thread: a file late in the walk was never reached until the index was built, and the host's
// thread answered nothing else meanwhile. Now each ask goes on where the last one stopped, a few files per turn of
// the event loop, so every match is found after (scan time / budget) asks at most, and the host keeps answering.

/** Files read per step: one step holds the host's thread for about a millisecond, and names every file it skipped. */
const stepFiles = maxNamedSkips

/** Paths per chunk of the walk (a step lists at most one folder). */
const walkChunk = 128

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Puts `path` into `sorted` (paths in UTF-16 order, as compareRanked orders them) unless `limit` smaller ones are in. */
function keepFirst(sorted: string[], path: string, limit: number): void {
  if (sorted.length >= limit && path >= sorted[sorted.length - 1]) return
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < path) lo = mid + 1
    else hi = mid
  }
  sorted.splice(lo, 0, path)
  if (sorted.length > limit) sorted.pop()
}

/** What a resumable scan has found so far. */
export interface ScanProgress {
  /** The matching articles (relative paths), in no order. */
  matches: ReadonlySet<string>
  /** Listed articles read so far (a file read again after a change is not counted again). */
  read: number
  /** Articles listed so far. */
  listed: number
  /** True once the whole folder is listed and every listed or changed article read. */
  isDone: boolean
  skippedCount: number
  /** The first maxNamedSkips files not read (too large, unreadable), and why. */
  skipped: SkippedFile[]
}

/**
 * A scan of `root` for `terms` (the matches, as the full-text index would find them) read a step at a time over as
 * many asks as it needs (see advance). A file changed, added or removed after the scan passed it is told with
 * `touch` and read again by the next ask.
 */
export class ResumableScan {
  private walk: Generator<string[], Result<void>, undefined> | null = null
  private queue: string[] = []
  private queueAt = 0
  private readonly again = new Set<string>()
  private readonly matches = new Set<string>()
  private readonly skipped = new Map<string, string>()
  private isListed = false
  private read = 0
  private listed = 0
  private turn: Promise<unknown> = Promise.resolve()
  private readonly patterns: RegExp[]
  /** Whether each match's title (as last ranked) holds every term: a title is tested again only once it changed. */
  private readonly titleVerdicts = new Map<string, { title: string; isTitleHit: boolean }>()

  constructor(
    private readonly root: string,
    private readonly terms: readonly string[],
    private readonly scope: () => Promise<ArticleScope>,
  ) {
    this.patterns = titlePatterns(terms)
  }

  /**
   * The best `limit` matches found so far in the index's order (title hits first, then by path; see compareRanked),
   * `titleOf` giving each one's title where known; no snippets. NOTE: a common word matches most of a folder (48,928
   * of 50,000 articles for "council"): making, title-testing and sorting a hit for every match took 47-112 ms of the
   * host's CPU per ask (load 18-20; 20-74 ms now). Only the best `limit` of each kind are kept, and a title is tested
   * once.
   */
  ranked(titleOf: (path: string) => string | null, limit: number): RankedHit[] {
    const titleHits: string[] = []
    const others: string[] = []
    for (const path of this.matches) {
      const title = titleOf(path)
      if (title !== null && this.isTitleHit(path, title)) keepFirst(titleHits, path, limit)
      else keepFirst(others, path, limit)
    }
    const hit = (path: string, isTitleHit: boolean): RankedHit => ({ path, title: titleOf(path), snippets: [], isTitleHit })
    return [...titleHits.map((path) => hit(path, true)), ...others.map((path) => hit(path, false))].slice(0, limit)
  }

  private isTitleHit(path: string, title: string): boolean {
    const known = this.titleVerdicts.get(path)
    if (known !== undefined && known.title === title) return known.isTitleHit
    const isTitleHit = this.patterns.every((p) => p.test(title))
    this.titleVerdicts.set(path, { title, isTitleHit })
    return isTitleHit
  }

  /**
   * Reads on for about `budgetMs` of this thread's time (the steps' own; at least one step, so each ask makes progress
   * whatever the budget), yielding to the event loop between steps; asks made meanwhile wait their turn. Fails only when the
   * folder itself cannot be listed.
   */
  advance(budgetMs: number): Promise<Result<ScanProgress>> {
    const run = this.turn.then(() => this.run(budgetMs))
    this.turn = run.catch(() => undefined)
    return run
  }

  /** Says `path` changed, appeared or was removed: the next ask reads it again (or drops it). */
  touch(path: string): void {
    this.again.add(path)
  }

  private progress(): ScanProgress {
    const skipped = [...this.skipped].slice(0, maxNamedSkips).map(([path, reason]) => ({ path, reason }))
    const isDone = this.isListed && this.queueAt >= this.queue.length && this.again.size === 0
    return { matches: this.matches, read: this.read, listed: this.listed, isDone, skippedCount: this.skipped.size, skipped }
  }

  private async run(budgetMs: number): Promise<Result<ScanProgress>> {
    // NOTE: the budget counts the steps' own time, not the turns others take between them: on a busy host an ask
    // takes longer but still reads as much, so the asks a whole folder needs stay bounded.
    let spent = 0
    do {
      const from = performance.now()
      const stepped = await this.step()
      spent += performance.now() - from
      if (!stepped.ok) return stepped
      if (!stepped.value) break
      await nextTurn()
    } while (spent < budgetMs)
    return ok(this.progress())
  }

  /** One step: reads a few changed or listed files, or lists one folder; false when there was nothing left to do. */
  private async step(): Promise<Result<boolean>> {
    if (this.again.size > 0) {
      const batch = [...this.again].slice(0, stepFiles)
      for (const path of batch) this.again.delete(path)
      await this.readFiles(batch, false)
      return ok(true)
    }
    if (this.queueAt < this.queue.length) {
      const batch = this.queue.slice(this.queueAt, this.queueAt + stepFiles)
      this.queueAt += batch.length
      if (this.queueAt > 4096) {
        this.queue = this.queue.slice(this.queueAt)
        this.queueAt = 0
      }
      await this.readFiles(batch, true)
      return ok(true)
    }
    if (this.isListed) return ok(false)
    this.walk ??= articleWalk(this.root, '', await this.scope(), null, walkChunk)
    const walked = this.walk.next()
    if (walked.done === true) {
      if (!walked.value.ok) return walked.value
      this.isListed = true
      return ok(true)
    }
    this.listed += walked.value.length
    for (const path of walked.value) this.queue.push(path)
    return ok(true)
  }

  /** Reads `paths` (`isFirstRead`: as listed, else again after a change) and keeps what they hold now. */
  private async readFiles(paths: string[], isFirstRead: boolean): Promise<void> {
    const result = await scanArticles(this.root, paths, this.terms, { limit: Number.POSITIVE_INFINITY, withTitles: false })
    // NOTE: what was found of these files before (a read before a change) gives way to this read.
    for (const path of paths) {
      this.matches.delete(path)
      this.skipped.delete(path)
    }
    if (isFirstRead) this.read += result.scanned
    for (const hit of result.hits) this.matches.add(hit.path)
    for (const skip of result.skipped) this.skipped.set(skip.path, skip.reason)
  }
}
