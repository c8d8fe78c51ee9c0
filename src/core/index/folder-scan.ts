import { isAscii } from 'node:buffer'
import fs from 'node:fs'
import path from 'node:path'
import type { SearchHit } from '@shared/api'
import { detectBlock } from '@shared/front-matter/detect'
import { errnoCode } from '../errno'
import { openForIndexSync } from '../store/sync-open'
import { makeSnippet } from './search-snippet'
import { compareRanked } from './ranking'
import { readIndexedText } from './shard-files'
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
  /** How many of the paths were read (fewer than sent when the deadline passed). */
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
  /** Stop reading more files once Date.now() passes this (ms since the epoch); the result says how many were read. */
  deadline?: number
}

/** Files larger than this are skipped with a note (bytes); the index lists them with an error and never reads them. */
export const maxScannedBytes = 10 * 1024 * 1024

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

/** The LF text of UTF-8 bytes without BOM (the text the index reads; invalid bytes decoded lossily, as it does). */
export function lfText(bytes: Buffer): string {
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return text
}

let scratch = Buffer.allocUnsafe(256 * 1024)

/** What reading one file for a scan gave: its bytes (valid until the next read), or why there are none. */
type ScanRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'none' } | { kind: 'skipped'; reason: string }

/**
 * Reads a file under `root` for a scan exactly as the index opens it (openForIndexSync: no link followed, no FIFO
 * opened, only a regular file proven to lie under the root after opening), into one reused buffer. A file over
 * maxScannedBytes is never read.
 */
export function readForScan(abs: string, root: string): ScanRead {
  const opened = openForIndexSync(abs, root)
  // NOTE: a link or a FIFO is no article, as the listing judges it; a vanished file is no article either.
  if (opened.kind === 'missing' || opened.kind === 'skipped') return { kind: 'none' }
  if (opened.kind === 'failed') return { kind: 'skipped', reason: `could not be read (${opened.code})` }
  const { fd, stats } = opened
  try {
    if (stats.size > maxScannedBytes) return { kind: 'skipped', reason: 'larger than 10 MB' }
    if (stats.size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(stats.size, scratch.length * 2))
    let read = 0
    // NOTE: at most the size fstat gave: a file growing while it is read cannot make the read unbounded.
    while (read < stats.size) {
      const n = fs.readSync(fd, scratch, read, stats.size - read, read)
      if (n === 0) break
      read += n
    }
    return { kind: 'bytes', bytes: scratch.subarray(0, read) }
  } catch (error) {
    const code = errnoCode(error)
    if (code === undefined) throw error
    return { kind: 'skipped', reason: `could not be read (${code})` }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Answers, for one file's bytes at a time, what the full-text index answers for that article (see TermScanner):
 * every term a word of its path or text, the last a word's start. ASCII bytes (most articles) are matched as their
 * one-byte latin1 string, which V8 makes and lower-cases natively (a JavaScript loop over the bytes cost five
 * times more); anything else is decoded as the index decodes it first.
 */
export class BytesMatcher {
  private readonly scanner: TermScanner

  constructor(terms: readonly string[]) {
    this.scanner = new TermScanner(terms)
  }

  matches(rel: string, bytes: Buffer): boolean {
    // NOTE: for ASCII bytes CR and BOM need no removing: neither is a word character.
    return this.scanner.matches(rel, isAscii(bytes) ? bytes.toString('latin1') : lfText(bytes))
  }
}

/** The LF text of bytes a matcher accepted (ASCII bytes are their own latin1 text). */
export function textOf(bytes: Buffer): string {
  if (!isAscii(bytes)) return lfText(bytes)
  const text = bytes.toString('latin1')
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
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

/** The absolute path of `rel` (a `/` path) under `root`. */
export function absOf(root: string, rel: string): string {
  return path.sep === '/' ? `${root}/${rel}` : path.join(root, ...rel.split('/'))
}

/**
 * Reads each article (`rels`, relative to `root`) once and finds those whose path and text hold every term, as the
 * full-text index would (same words; files the index lists with an error, over 10 MB or unreadable, are skipped
 * and named). Returns how many match and the best `settings.limit` in the index's order, each with its title; no
 * snippets (see withSnippets). Builds no index and parses no front matter but the titles that could rank a hit.
 */
export async function scanArticles(root: string, rels: readonly string[], terms: readonly string[], settings: ScanSettings, best: RankedHit[] = []): Promise<ScanResult> {
  const { limit, withTitles, deadline } = settings
  const matcher = new BytesMatcher(terms)
  const patterns = titlePatterns(terms)
  const result: ScanResult = { total: 0, hits: best, scanned: 0, skippedCount: 0, skipped: [] }
  for (const rel of rels) {
    if (deadline !== undefined && Date.now() > deadline) break
    result.scanned++
    const read = readForScan(absOf(root, rel), root)
    if (read.kind === 'skipped') {
      if (result.skippedCount++ < maxNamedSkips) result.skipped.push({ path: rel, reason: read.reason })
      continue
    }
    if (read.kind !== 'bytes' || !matcher.matches(rel, read.bytes)) continue
    result.total++
    const worst = withTitles && best.length >= limit ? best[best.length - 1] : null
    // NOTE: a match that could not enter the best even as a title hit needs no title.
    if (worst !== null && compareRanked({ path: rel, isTitleHit: true }, worst) > 0) continue
    if (!withTitles) {
      // NOTE: every match is kept (the caller ranks them by titles it knows); sorted once, by the caller.
      best.push({ path: rel, title: null, snippets: [], isTitleHit: false })
      continue
    }
    const text = textOf(read.bytes)
    const mayBeTitleHit = couldTitleHold(text, patterns)
    if (!mayBeTitleHit && worst !== null && compareRanked({ path: rel, isTitleHit: false }, worst) > 0) continue
    const title = (await loadArticleRecord()).titleOf(text)
    keepBest(best, { path: rel, title, snippets: [], isTitleHit: mayBeTitleHit && title !== null && patterns.every((p) => p.test(title)) }, limit)
  }
  return result
}

/**
 * The hits with their snippets, each file read again as the index reads it (confined; a file gone or changed
 * since the scan gets the snippet of what it holds now, or none).
 */
export async function withSnippets(root: string, hits: readonly RankedHit[], terms: readonly string[]): Promise<SearchHit[]> {
  if (hits.length === 0) return []
  const record = await loadArticleRecord()
  return hits.map(({ path: rel, title }) => {
    const read = readIndexedText(absOf(root, rel), root)
    const snippet = read.kind === 'text' ? makeSnippet(read.text, terms, record.bodyStart(read.text)) : null
    return { path: rel, title, snippets: snippet === null ? [] : [snippet] }
  })
}
