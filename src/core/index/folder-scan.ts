import { isAscii } from 'node:buffer'
import type { SearchHit } from '@shared/api'
import { detectBlock } from '@shared/front-matter/detect'
import { bodyStart, makeSnippet } from './search-snippet'
import { compareRanked } from './ranking'
import { absOf, folderOf, isInFolder, lfText, readFolder, readForScan, textOf, type ScanRead } from './scan-read'
import { AsciiTermFinder, isAsciiTerm, maxWordLength } from './ascii-term-find'
import { TermScanner } from './term-scan'

/** A search hit with what the index ranks it by (title hits first, then by path). */
export interface RankedHit extends SearchHit {
  isTitleHit: boolean
}

/** A file a scan did not read, and why (too large, unreadable); links, FIFOs and vanished files are no articles. */
export interface SkippedFile {
  path: string
  reason: string
}

/** How many skipped files a scan names (it counts them all). */
export const maxNamedSkips = 20

/** What scanning some articles found: every match counted, the best `limit` of them as hits (without snippets). */
export interface ScanResult {
  /** How many articles matched. */
  total: number
  /** The best `limit` matches in the index's order; snippets are made once the best of all chunks are known. */
  hits: RankedHit[]
  /** How many of the paths were read (skipped ones included). */
  scanned: number
  /** How many files were skipped, the first `maxNamedSkips` of them named. */
  skippedCount: number
  skipped: SkippedFile[]
}

/** What a scan is told besides its paths and terms. */
export interface ScanSettings {
  /** How many hits to keep (the best, in the index's order). */
  limit: number
  /**
   * False: titles are not worked out (no front matter is parsed) and every hit ranks by path; the caller ranks
   * with titles it already knows. A folder index that is still building answers this way (see ArticleIndex.search).
   */
  withTitles: boolean
}

type ArticleRecord = typeof import('./article-record')

let articleRecord: Promise<ArticleRecord> | null = null

// NOTE: the front-matter parsers load (~100 ms) only once a title is needed: a rare word's scan never needs them.
function loadArticleRecord(): Promise<ArticleRecord> {
  articleRecord ??= import('./article-record')
  return articleRecord
}

/** The regular expressions the index's ranking tests a title with (see ArticleShard.search). */
export function titlePatterns(terms: readonly string[]): RegExp[] {
  return terms.map((term) => new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'))
}

// NOTE: a line that may hold the title key in YAML (`title:`), TOML (`title =`) or JSON (`"title":`), in any case.
const titleKeyLine = /^[ \t]*["']?title["']?[ \t]*[:=]/gim
// NOTE: a line that starts another top-level key or a TOML table: the title's value cannot go on past it.
const nextKeyLine = /^(?:["']?[\w.-]+["']?[ \t]*[:=]|\[)/
// NOTE: what could make the title's value come from elsewhere in the block: YAML aliases, merge keys, complex keys
// and flow mappings, TOML multi-line strings, JSON.
const nonLocalTitle = /[*&?{]|<<|"""|'''/

/**
 * False when the article's title cannot hold every pattern: no front matter, or the lines that may give the title
 * (a title key's line and the lines after it up to the next top-level key) miss one. Spares working out the title
 * of most matches of a common word (found in a summary or a description, not in the title).
 */
function couldTitleHold(text: string, patterns: readonly RegExp[]): boolean {
  const found = detectBlock(text)
  if (found.kind === 'none') return false
  if (found.kind !== 'block') return true
  const block = text.slice(found.block.contentFrom, found.block.contentTo)
  // NOTE: an escape can spell a word the raw text does not.
  if (block.includes('\\')) return true
  if (nonLocalTitle.test(block)) return patterns.every((p) => p.test(block))
  let region = ''
  titleKeyLine.lastIndex = 0
  for (let key = titleKeyLine.exec(block); key !== null; key = titleKeyLine.exec(block)) {
    let end = block.indexOf('\n', key.index)
    while (end !== -1 && end + 1 < block.length && !nextKeyLine.test(block.slice(end + 1, end + 80))) end = block.indexOf('\n', end + 1)
    region += block.slice(key.index, end === -1 ? block.length : end) + '\n'
  }
  return region !== '' && patterns.every((p) => p.test(region))
}

/**
 * Answers, for one file's bytes at a time, what the full-text index answers for that article (see TermScanner):
 * every term a word of its path or text, the last a word's start. ASCII terms in an ASCII file (most articles) are
 * looked for in the bytes themselves (AsciiTermFinder: native searches, no string made of the file); otherwise ASCII
 * bytes are matched as their one-byte latin1 string, which V8 makes and lower-cases natively (a JavaScript loop over
 * every byte cost five times more), and anything else is decoded as the index decodes it first.
 */
export class BytesMatcher {
  private readonly scanner: TermScanner
  private readonly finders: AsciiTermFinder[] | null

  constructor(terms: readonly string[]) {
    this.scanner = new TermScanner(terms)
    const isFindable = terms.length > 0 && terms.every((t) => isAsciiTerm(t) && t.length <= maxWordLength)
    this.finders = isFindable ? terms.map((t, i) => new AsciiTermFinder(t, i === terms.length - 1)) : null
  }

  matches(rel: string, bytes: Buffer): boolean {
    if (!isAscii(bytes)) return this.scanner.matches(rel, lfText(bytes))
    const found = this.finders === null ? null : this.foundInBytes(this.finders, rel, bytes)
    // NOTE: for ASCII bytes CR and BOM need no removing: neither is a word character.
    return found ?? this.scanner.matches(rel, bytes.toString('latin1'))
  }

  /** Every term in the bytes or the path; null when a finder could not tell cheaply. */
  private foundInBytes(finders: readonly AsciiTermFinder[], rel: string, bytes: Buffer): boolean | null {
    for (let t = 0; t < finders.length; t++) {
      const found = finders[t].find(bytes)
      if (found === null) return null
      if (!found && !this.scanner.hasTermIn(t, rel)) return false
    }
    return true
  }
}

/** Inserts `hit` into `best` (kept sorted by compareRanked, at most `limit` long). */
function keepBest(best: RankedHit[], hit: RankedHit, limit: number): void {
  let lo = 0
  let hi = best.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareRanked(best[mid], hit) <= 0) lo = mid + 1
    else hi = mid
  }
  if (lo >= limit) return
  best.splice(lo, 0, hit)
  if (best.length > limit) best.pop()
}

/** The better `limit` of two lists ranked by compareRanked, each path once (a thread's best grows chunk by chunk). */
export function bestHits(a: RankedHit[], b: RankedHit[], limit: number): RankedHit[] {
  const sorted = [...a, ...b].sort(compareRanked)
  const out: RankedHit[] = []
  const seen = new Set<string>()
  for (const hit of sorted) {
    if (out.length >= limit) break
    if (seen.has(hit.path)) continue
    seen.add(hit.path)
    out.push(hit)
  }
  return out
}

/**
 * `rels` with the files of each folder together (folders in the order they first come, each one's files in order).
 * NOTE: in path order a folder's files are broken up by its page bundles (`a.md`, `b/index.md`, `c.md`): read as
 * they come, the folder was opened and proven again after each bundle, two thirds more folder opens at 10k.
 */
function groupedByFolder(rels: readonly string[]): readonly string[] {
  const groups = new Map<string, string[]>()
  for (const rel of rels) {
    const dir = folderOf(rel)
    const group = groups.get(dir)
    if (group === undefined) groups.set(dir, [rel])
    else group.push(rel)
  }
  return groups.size === 1 ? rels : [...groups.values()].flat()
}

/** At most how many files of one folder are read under one proof of it (their matches wait for its second proof). */
const maxFolderBatch = 64

/**
 * Reads each article (`rels`, relative to `root`) once and finds those whose path and text hold every term, as the
 * full-text index would (same words; files the index lists with an error, over 10 MB or unreadable, are skipped
 * and named). Returns how many match and the best `settings.limit` in the index's order, each with its title; no
 * snippets (see withSnippets). Builds no index and parses no front matter but the titles that could rank a hit.
 */
export async function scanArticles(root: string, paths: readonly string[], terms: readonly string[], settings: ScanSettings, best: RankedHit[] = []): Promise<ScanResult> {
  const { limit, withTitles } = settings
  const rels = groupedByFolder(paths)
  const matcher = new BytesMatcher(terms)
  const patterns = titlePatterns(terms)
  const result: ScanResult = { total: 0, hits: best, scanned: 0, skippedCount: 0, skipped: [] }
  // NOTE: a match keeps its text only while it could still enter the best (checked again once the folder is proven).
  const worstNow = (): RankedHit | null => (withTitles && best.length >= limit ? best[best.length - 1] : null)
  const couldEnter = (rel: string): boolean => {
    const worst = worstNow()
    return worst === null || compareRanked({ path: rel, isTitleHit: true }, worst) <= 0
  }
  for (let from = 0; from < rels.length; ) {
    const dir = folderOf(rels[from])
    let to = from + 1
    while (to < rels.length && to - from < maxFolderBatch && isInFolder(rels[to], dir)) to++
    const found: { rel: string; text: string | null }[] = []
    const skipped: SkippedFile[] = []
    const isProven = readFolder(root, dir, rels, from, to, (rel: string, read: ScanRead) => {
      result.scanned++
      if (read.kind === 'skipped') skipped.push({ path: rel, reason: read.reason })
      else if (read.kind === 'bytes' && matcher.matches(rel, read.bytes)) found.push({ rel, text: withTitles && couldEnter(rel) ? textOf(read.bytes) : null })
      return true
    }, { withStats: false })
    from = to
    // NOTE: the folder left the root while its files were read: nothing read from it counts (see folder-open).
    if (!isProven) continue
    for (const skip of skipped) if (result.skippedCount++ < maxNamedSkips) result.skipped.push(skip)
    result.total += found.length
    for (const { rel, text } of found) {
      if (!withTitles) {
        // NOTE: every match is kept (the caller ranks them by titles it knows); sorted once, by the caller.
        best.push({ path: rel, title: null, snippets: [], isTitleHit: false })
        continue
      }
      const worst = worstNow()
      // NOTE: a match that could not enter the best even as a title hit needs no title.
      if (text === null || (worst !== null && compareRanked({ path: rel, isTitleHit: true }, worst) > 0)) continue
      const mayBeTitleHit = couldTitleHold(text, patterns)
      if (!mayBeTitleHit && worst !== null && compareRanked({ path: rel, isTitleHit: false }, worst) > 0) continue
      const title = (await loadArticleRecord()).titleOf(text)
      keepBest(best, { path: rel, title, snippets: [], isTitleHit: mayBeTitleHit && title !== null && patterns.every((p) => p.test(title)) }, limit)
    }
  }
  return result
}

/**
 * The hits with their snippets, each file read again as the index reads it (confined; a file gone or changed
 * since the scan gets the snippet of what it holds now, or none).
 */
export async function withSnippets(root: string, hits: readonly RankedHit[], terms: readonly string[]): Promise<SearchHit[]> {
  // NOTE: no parser is loaded here: a saved index's answer has its titles, and bodyStart needs only detectBlock.
  return Promise.resolve(
    hits.map(({ path: rel, title }) => {
      const read = readForScan(absOf(root, rel), root)
      const text = read.kind === 'bytes' ? lfText(read.bytes) : null
      const snippet = text === null ? null : makeSnippet(text, terms, bodyStart(text))
      return { path: rel, title, snippets: snippet === null ? [] : [snippet] }
    }),
  )
}
