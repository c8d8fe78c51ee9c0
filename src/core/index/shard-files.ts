import fs from 'node:fs'
import path from 'node:path'
import { detectBlock } from '@shared/front-matter/detect'
import { siteRulesForFolderSync } from '../hugo-site'
import { entryKind } from '../store/entry-rules'
import { openForIndexSync } from '../store/sync-open'
import { errnoCode } from '../errno'
import { textProblemOf, type TextProblem } from '../text-problem'
import type { CacheStamp } from './summary-cache'

/** Files larger than this are listed with an error and not read (bytes); matches the session's limit. */
const maxIndexedBytes = 10 * 1024 * 1024

/**
 * What reading one article gave: LF text with its stamp (and, for bytes that are not UTF-8 text, the problem: the
 * text is then decoded lossily, as the read-only editor shows it), nothing (gone), or a failure to report.
 */
export type ReadOutcome = { kind: 'text'; text: string; stamp: CacheStamp; problem: TextProblem | null } | { kind: 'missing' } | { kind: 'failed'; message: string; stamp: CacheStamp }

const scratch = Buffer.allocUnsafe(256 * 1024)

/** Reads a file under `root` as LF text without BOM, with its size and mtime; never throws for I/O problems. */
export function readIndexedText(abs: string, root: string): ReadOutcome {
  const opened = openForIndexSync(abs, root)
  // NOTE: a link or a FIFO is no article, exactly as the listing judges it: it is dropped like a missing file.
  if (opened.kind === 'missing' || opened.kind === 'skipped') return { kind: 'missing' }
  if (opened.kind === 'failed') return { kind: 'failed', message: `Could not read the file (${opened.code}).`, stamp: { size: 0, mtimeMs: 0, ctimeMs: 0 } }
  const { fd, stats } = opened
  try {
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs }
    if (stats.size > maxIndexedBytes) return { kind: 'failed', message: 'The file is larger than 10 MB; Folio does not open it.', stamp }
    // NOTE: one reused buffer for the common small file: thousands of short-lived allocations otherwise fragment
    // the heap outside V8 and keep the indexing thread's RSS high.
    const buffer = stats.size <= scratch.length ? scratch : Buffer.allocUnsafe(stats.size)
    let read = 0
    while (read < stats.size) {
      const n = fs.readSync(fd, buffer, read, stats.size - read, read)
      if (n === 0) break
      read += n
    }
    const bytes = buffer.subarray(0, read)
    return { kind: 'text', text: lfText(bytes), stamp, problem: textProblemOf(bytes) }
  } catch (error) {
    return { kind: 'failed', message: `Could not read the file (${errnoCode(error) ?? 'error'}).`, stamp: { size: 0, mtimeMs: 0, ctimeMs: 0 } }
  } finally {
    fs.closeSync(fd)
  }
}

const headBytes = 64 * 1024
const head = Buffer.allocUnsafe(headBytes)

function isBlank(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a
}

/** The offset just past the line holding `at` (past its LF), or `n` when that line is the last one read. */
function pastLine(bytes: Buffer, at: number, n: number): number {
  const eol = bytes.indexOf(0x0a, at)
  return eol === -1 || eol >= n ? n : eol + 1
}

/** Past the closing fence line: the first later line holding only `fence` (and trailing blanks); `n` if none. */
function pastClosingFence(bytes: Buffer, fence: number, from: number, n: number): number {
  for (let at = bytes.indexOf(0x0a, from); at !== -1 && at < n; at = bytes.indexOf(0x0a, at + 1)) {
    if (bytes[at + 1] !== fence || bytes[at + 2] !== fence || bytes[at + 3] !== fence) continue
    let i = at + 4
    while (i < n && bytes[i] !== 0x0a && isBlank(bytes[i])) i++
    if (i >= n || bytes[i] === 0x0a) return i >= n ? n : i + 1
  }
  return n
}

/** Past the line of the brace closing a JSON block that opens at `from` (strings skipped, as detectBlock does); `n` if none. */
function pastJsonBlock(bytes: Buffer, from: number, n: number): number {
  let depth = 0
  for (let i = from; i < n; i++) {
    const byte = bytes[i]
    if (byte === 0x22) {
      for (i++; i < n && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++
    } else if (byte === 0x7b) depth++
    else if (byte === 0x7d && --depth === 0) return pastLine(bytes, i + 1, n)
  }
  return n
}

/**
 * Where the front-matter block of the first `n` bytes surely ends: past the line that closes it, so the text up to
 * there holds the whole block as whole lines; `n` when there is no block or no end is found. NOTE: the bytes looked
 * for are ASCII, which never occurs inside a multi-byte UTF-8 character, so this reads bytes the way detectBlock
 * reads characters.
 */
export function frontMatterEnd(bytes: Buffer, n: number): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < n && isBlank(bytes[i])) i++
  const first = bytes[i]
  if ((first === 0x2d || first === 0x2b) && bytes[i + 1] === first && bytes[i + 2] === first) return pastClosingFence(bytes, first, i + 3, n)
  if (first === 0x7b) return pastJsonBlock(bytes, i, n)
  return n
}

function lfText(bytes: Buffer): string {
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return text
}

/**
 * Reads a file for its summary with as few system calls as possible (open, fstat, one read, close), which is
 * what indexing many small files costs. Only the front matter is decoded when its end is found (the body's words
 * are read by the full-text pass): most of the text a file would make is never made. Files larger than 64 KB take
 * the full read.
 */
export function readForSummary(abs: string, root: string): ReadOutcome {
  const opened = openForIndexSync(abs, root)
  if (opened.kind === 'missing' || opened.kind === 'skipped') return { kind: 'missing' }
  if (opened.kind === 'failed') return readIndexedText(abs, root)
  const { fd, stats } = opened
  // NOTE: the fstat the open made anyway: a summary pass can fill the summary cache without its own stat per file.
  const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs }
  let n: number
  try {
    n = fs.readSync(fd, head, 0, headBytes, 0)
  } catch (error) {
    // NOTE: e.g. EISDIR for a folder named like an article; the full read reports it properly.
    if (errnoCode(error) === undefined) throw error
    n = headBytes
  } finally {
    fs.closeSync(fd)
  }
  if (n === headBytes) return readIndexedText(abs, root)
  // NOTE: the whole file is in hand, so it is checked for being UTF-8 text (a native scan: cheap beside the read).
  const problem = textProblemOf(head.subarray(0, n))
  const end = frontMatterEnd(head, n)
  // NOTE: the cut is checked: unless the front matter found in it is a whole block, the whole text is decoded.
  if (end < n) {
    const text = lfText(head.subarray(0, end))
    if (detectBlock(text).kind === 'block') return { kind: 'text', text, stamp, problem }
  }
  return { kind: 'text', text: lfText(head.subarray(0, n)), stamp, problem }
}

/** How many paths the first chunk of a listing holds; each later chunk doubles, up to `lastChunkSize`. */
const firstChunkSize = 256
const lastChunkSize = 4096

/**
 * Lists the articles under `root` synchronously (relative `/` paths), with the same rules as listArticleFiles,
 * handing them to `take` in chunks as they are found: a small first chunk so indexing (and the first rows) can
 * start while the rest of a large folder is listed. Throws only when the root itself cannot be read.
 */
function listArticlesInChunks(root: string, take: (paths: string[]) => void, firstChunk = firstChunkSize): void {
  // NOTE: at a Hugo site root only its content folders hold pages (archetypes, themes and README.md do not).
  const scope = siteRulesForFolderSync(root).articleScope
  let found: string[] = []
  let chunkSize = firstChunk
  const pending: string[] = ['']
  while (pending.length > 0) {
    const rel = pending.pop() as string
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true })
    } catch (error) {
      // NOTE: a subfolder that vanished or cannot be read is skipped, as listArticleFiles does.
      if (rel === '' || errnoCode(error) === undefined) throw error
      continue
    }
    for (const entry of entries) {
      // NOTE: a plain concatenation, not childPath's flat copy: this listing is on the cold index's critical path.
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`
      const kind = entryKind(entry, child, scope)
      if (kind === 'folder') pending.push(child)
      else if (kind === 'article') found.push(child)
    }
    if (found.length >= chunkSize) {
      take(found)
      found = []
      chunkSize = Math.min(chunkSize * 2, lastChunkSize)
    }
  }
  if (found.length > 0) take(found)
}

/** listArticlesInChunks, with false (instead of a throw) when the root cannot be read: the caller then lists the async way, which turns the errno into a proper Result. */
export function listArticleChunks(root: string, take: (paths: string[]) => void): boolean {
  try {
    listArticlesInChunks(root, take)
    return true
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return false
  }
}

/**
 * The first `max` articles the listing finds under `root` (or fewer: all there are), found without listing the rest;
 * empty when the root cannot be read (the full listing reports that).
 */
export function listFirstArticles(root: string, max: number): string[] {
  const enough = new Error('enough articles')
  let first: string[] = []
  try {
    listArticlesInChunks(
      root,
      (paths) => {
        first = first.concat(paths)
        if (first.length >= max) throw enough
      },
      max,
    )
  } catch (error) {
    if (error !== enough && errnoCode(error) === undefined) throw error
  }
  return first.slice(0, max)
}

/**
 * Below this many articles a folder is indexed by one shard instead of two. NOTE: a shard's worker thread costs ~0.2 s
 * of CPU to start (Node's start-up in the thread, the parsers loaded); on a few dozen articles the second one only
 * adds that (a 20-article folder: 0.77 -> 0.58 s of CPU for `folio serve` from the page's first request to an open
 * article), and below 200 it would save under ~0.1 s of indexing on two cores.
 */
export const oneShardBelow = 200

/** How many shards index a folder of `articles` articles: one for a small folder, else two (the machine's cores). */
export function shardCountFor(articles: number): number {
  return articles < oneShardBelow ? 1 : 2
}

/** shardCountFor the folder at `root`, from a listing by the shards' own rules that stops at oneShardBelow articles. */
export function shardCountOf(root: string): number {
  return shardCountFor(listFirstArticles(root, oneShardBelow).length)
}
