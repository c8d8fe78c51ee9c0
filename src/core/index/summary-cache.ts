import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary } from '@shared/api'
import type { FrontMatterFormat } from '@shared/front-matter/types'
import { defaultSiteRules, type HugoSiteRules } from '@shared/hugo/page'
import { ok } from '@shared/result'
import { errnoCode } from '../errno'
import { writeFileAtomic } from '../atomic-write'
import { noProblems, type CheckProblem } from './check-problem'

// NOTE: 2: word counts follow the shared rule (shortcodes and bare Markdown marks are not words, CJK characters are).
// NOTE: 3: errors Hugo raises and Folio did not (TOML 1.0, YAML control characters, `----` fences) and the rules key.
// NOTE: 4: `folio check`'s problems per article (its verdicts come from the cache like the index's summaries).
/** Bumped whenever the summarizer or this format changes, so an older cache is ignored rather than trusted. */
const cacheVersion = 4

/**
 * What a shard remembers of one article across runs: its summary (build status is worked out again on load, it
 * depends on today) and the file's size, mtime and ctime when it was read. NOTE: ctime cannot be set by tools
 * (`touch -d` sets only mtime), so an edit that restores an mtime still misses the cache.
 */
export interface CachedArticle {
  size: number
  mtimeMs: number
  ctimeMs: number
  summary: ArticleSummary
  /** Kept for the build status; the summary shows only `date`. */
  publishDate: string | null
  expiryDate: string | null
  /**
   * Every front-matter error and warning `folio check` found in the file, in text order; null when only the index
   * read it (its fast scanners do not look for warnings), so `folio check` reads it again.
   */
  problems: readonly CheckProblem[] | null
}

export { defaultCacheDir, isSameStamp, type CacheStamp } from './cache-place'

/** The cache file of shard `shard` of `count` for the folder `root` (its real path) under `cacheDir`. */
export function shardCacheFile(cacheDir: string, root: string, shard: number, count: number): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 20)
  return path.join(cacheDir, 'index', `${key}.${shard}-of-${count}.json`)
}

/**
 * One article as stored: a flat row, since key names would double the file. NOTE: the order is the format; change
 * it only with `cacheVersion`.
 */
type CacheRow = [
  path: string, size: number, mtimeMs: number, ctimeMs: number, title: string | null, date: string | null, isDraft: boolean,
  format: FrontMatterFormat, lastmod: string | null, tags: string[], categories: string[], wordCount: number | null,
  publishDate: string | null, expiryDate: string | null, error: [message: string, line: number, column: number] | null,
  problems: ProblemCell[] | null,
]

/** One of `folio check`'s problems as stored: severity `e` (error) or `w` (warning). */
type ProblemCell = [line: number, column: number, severity: 'e' | 'w', message: string]

const formats = new Set<unknown>(['yaml', 'toml', 'json', 'none'])

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string'
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isErrorCell(value: unknown): value is CacheRow[14] {
  return value === null || (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'number')
}

function isProblemCell(value: unknown): value is ProblemCell {
  return Array.isArray(value) && value.length === 4 && typeof value[0] === 'number' && typeof value[1] === 'number' && (value[2] === 'e' || value[2] === 'w') && typeof value[3] === 'string'
}

function isProblemsCell(value: unknown): value is CacheRow[15] {
  return value === null || (Array.isArray(value) && value.every(isProblemCell))
}

function isCacheRow(row: unknown): row is CacheRow {
  if (!Array.isArray(row) || row.length !== 16) return false
  const [rel, size, mtimeMs, ctimeMs, title, date, isDraft, format, lastmod, tags, categories, wordCount, publishDate, expiryDate, error, problems] = row as unknown[]
  const isStamp = typeof size === 'number' && typeof mtimeMs === 'number' && typeof ctimeMs === 'number'
  const areTexts = typeof rel === 'string' && isStringOrNull(title) && isStringOrNull(date) && isStringOrNull(lastmod) && isStringOrNull(publishDate) && isStringOrNull(expiryDate)
  return isStamp && areTexts && typeof isDraft === 'boolean' && formats.has(format) && isStringList(tags) && isStringList(categories) && (wordCount === null || typeof wordCount === 'number') && isErrorCell(error) && isProblemsCell(problems)
}

const problemOf = ([line, column, severity, message]: ProblemCell): CheckProblem => ({ line, column, severity: severity === 'e' ? 'error' : 'warning', message })
const cellOf = ({ line, column, severity, message }: CheckProblem): ProblemCell => [line, column, severity === 'error' ? 'e' : 'w', message]

function fromRow(row: CacheRow): CachedArticle {
  const [path, size, mtimeMs, ctimeMs, title, date, isDraft, format, lastmod, tags, categories, wordCount, publishDate, expiryDate, error, problems] = row
  // NOTE: null: written after a summary pass alone (`folio index`), which counts no words; the full-text pass does.
  // Made with a place for the build status the shard works out (see shapedSummary).
  const summary: ArticleSummary =
    wordCount === null ? { path, title, date, isDraft, format, lastmod, tags, categories, buildStatus: undefined } : { path, title, date, isDraft, format, lastmod, tags, categories, wordCount, buildStatus: undefined }
  if (error !== null) summary.error = { message: error[0], line: error[1], column: error[2] }
  return { size, mtimeMs, ctimeMs, summary, publishDate, expiryDate, problems: problems === null ? null : problems.length === 0 ? noProblems : problems.map(problemOf) }
}

function toRow({ size, mtimeMs, ctimeMs, summary: s, publishDate, expiryDate, problems }: CachedArticle): CacheRow {
  const error: CacheRow[14] = s.error === undefined ? null : [s.error.message, s.error.line, s.error.column]
  return [s.path, size, mtimeMs, ctimeMs, s.title, s.date, s.isDraft, s.format, s.lastmod ?? null, s.tags ?? [], s.categories ?? [], s.wordCount ?? null, publishDate, expiryDate, error, problems === null ? null : problems.map(cellOf)]
}

/**
 * Reads a shard's cache for `root`: article path (relative, `/`) to what was known (the summary without build
 * status). Empty when there is none, when it was written by another version or for another folder, or when any
 * row is malformed (a cache is never trusted in part).
 */
export function loadShardCache(file: string, root: string, rules: HugoSiteRules = defaultSiteRules): Map<string, CachedArticle> {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    // NOTE: no cache yet (ENOENT), unreadable, or cut short: indexing reads every file, as without a cache.
    if (errnoCode(error) === undefined && !(error instanceof SyntaxError)) throw error
    return new Map()
  }
  const found = new Map<string, CachedArticle>()
  if (typeof parsed !== 'object' || parsed === null) return found
  const body = parsed as { version?: unknown; root?: unknown; rules?: unknown; articles?: unknown }
  // NOTE: the publish and expiry instants were worked out with the site's time zone and key lists; a cache written
  // under other rules (the config's timeZone changed) is not used, so every verdict follows the config in force.
  if (body.version !== cacheVersion || body.root !== root || body.rules !== rulesKey(rules) || !Array.isArray(body.articles)) return found
  for (const row of body.articles as unknown[]) {
    if (!isCacheRow(row)) return new Map()
    found.set(row[0], fromRow(row))
  }
  return found
}

/** The site rules a cache was written under, as one comparable text. */
function rulesKey(rules: HugoSiteRules): string {
  return JSON.stringify([rules.timeZone, rules.dateKeys.date, rules.dateKeys.publishDate, rules.dateKeys.lastmod, rules.dateKeys.expiryDate])
}

const rowsPerPart = 500

/**
 * The cache file's text in parts of a few hundred rows: together the same JSON as one `JSON.stringify` of the whole.
 * NOTE: two shards save at once when indexing ends; a whole-file string and row arrays per shard raised the peak
 * RSS by ~70 MB on 50,000 articles, while parts this small die young.
 */
function* cacheParts(root: string, articles: readonly CachedArticle[], rules: HugoSiteRules): Generator<string> {
  yield `{"version":${cacheVersion},"root":${JSON.stringify(root)},"rules":${JSON.stringify(rulesKey(rules))},"articles":[`
  for (let i = 0; i < articles.length; i += rowsPerPart) {
    const rows = JSON.stringify(articles.slice(i, i + rowsPerPart).map(toRow))
    yield `${i === 0 ? '' : ','}${rows.slice(1, -1)}`
  }
  yield ']}'
}

/** The cache file's bytes (see cacheParts). */
export function cacheBytes(root: string, articles: readonly CachedArticle[], rules: HugoSiteRules = defaultSiteRules): Buffer {
  return Buffer.from([...cacheParts(root, articles, rules)].join(''))
}

/**
 * Writes a shard's cache atomically (temp file, fsync, rename); false when it could not be written (the cache is optional).
 * NOTE: written a part at a time, never as one buffer: a whole file's bytes (6.7 MB a shard on 50,000 articles) live
 * outside the JS heap, in the worker's malloc arena, which kept the memory once freed: `folio serve` held ~15 MB
 * more RSS for good after the two shards saved.
 */
export async function saveShardCache(file: string, root: string, articles: CachedArticle[], rules: HugoSiteRules = defaultSiteRules): Promise<boolean> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return false
  }
  const written = await writeFileAtomic(file, async (write) => {
    for (const part of cacheParts(root, articles, rules)) await write(Buffer.from(part))
    return ok(undefined)
  })
  await pruneStaleCaches(path.dirname(file), Date.now() - staleAfterMs)
  return written.ok
}

/** A cache file not written for this long belongs to a folder no longer opened (or a write cut short); it is removed. */
const staleAfterMs = 30 * 24 * 60 * 60 * 1000

/** Removes the files in the cache folder last written before `before` (ms since the epoch); best effort. */
export async function pruneStaleCaches(dir: string, before: number): Promise<void> {
  let names: string[]
  try {
    names = await fs.promises.readdir(dir)
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return
  }
  for (const name of names) {
    const file = path.join(dir, name)
    try {
      const stats = await fs.promises.stat(file)
      if (stats.isFile() && stats.mtimeMs < before) await fs.promises.unlink(file)
    } catch (error) {
      // NOTE: another Folio may be pruning or writing the same folder; whatever it did is fine.
      if (errnoCode(error) === undefined) throw error
    }
  }
}
