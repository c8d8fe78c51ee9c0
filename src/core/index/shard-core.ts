import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary, SearchHit } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import { isArticleName, isSkippedFolder } from '../article-files'
import { errnoCode } from '../errno'
import { FolderSchemaCache } from '../schema/folder-schema'
import { bodyStart, countWords, summarizeForIndex } from './article-record'
import { makeSnippet } from './search-snippet'
import { TermIndex } from './term-index'

/** Files larger than this are listed with an error and not read (bytes); matches the session's limit. */
const maxIndexedBytes = 10 * 1024 * 1024

/** One search match before snippets: the shards rank, the index merges, then only the shown hits get snippets. */
export interface RankedMatch {
  path: string
  isTitleHit: boolean
}

/** Title matches first, then by path. */
export function compareRanked(a: RankedMatch, b: RankedMatch): number {
  if (a.isTitleHit !== b.isTitleHit) return a.isTitleHit ? -1 : 1
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/** What the index remembers about one file besides its summary: enough to recognise it after a rename. */
export interface FileStamp {
  size: number
  mtimeMs: number
}

interface ShardRecord {
  summary: ArticleSummary
  /** Null until the file's words are indexed (the summary pass does not stat). */
  stamp: FileStamp | null
  docId: number
}

type ReadOutcome = { kind: 'text'; text: string; stamp: FileStamp } | { kind: 'missing' } | { kind: 'failed'; message: string; stamp: FileStamp }

/** Reads a file as LF text without BOM, with its size and mtime; never throws for I/O problems. */
export function readIndexedText(abs: string): ReadOutcome {
  let fd: number
  try {
    fd = fs.openSync(abs, 'r')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return { kind: 'missing' }
    return { kind: 'failed', message: `Could not read the file (${errnoCode(error) ?? 'error'}).`, stamp: { size: 0, mtimeMs: 0 } }
  }
  try {
    const stats = fs.fstatSync(fd)
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs }
    if (!stats.isFile()) return { kind: 'missing' }
    if (stats.size > maxIndexedBytes) return { kind: 'failed', message: 'The file is larger than 10 MB; Folio does not open it.', stamp }
    const buffer = Buffer.allocUnsafe(stats.size)
    let read = 0
    while (read < stats.size) {
      const n = fs.readSync(fd, buffer, read, stats.size - read, read)
      if (n === 0) break
      read += n
    }
    let text = buffer.toString('utf8', 0, read)
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
    return { kind: 'text', text, stamp }
  } catch (error) {
    return { kind: 'failed', message: `Could not read the file (${errnoCode(error) ?? 'error'}).`, stamp: { size: 0, mtimeMs: 0 } }
  } finally {
    fs.closeSync(fd)
  }
}

const headBytes = 64 * 1024
const head = Buffer.allocUnsafe(headBytes)

/**
 * Reads a file for its summary with as few system calls as possible (open, one read, close: no stat), which is
 * what indexing many small files costs. Files larger than 64 KB take the full read.
 */
export function readForSummary(abs: string): ReadOutcome | { kind: 'text'; text: string; stamp: null } {
  let fd: number
  try {
    fd = fs.openSync(abs, 'r')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return { kind: 'missing' }
    return readIndexedText(abs)
  }
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
  if (n === headBytes) return readIndexedText(abs)
  let text = head.toString('utf8', 0, n)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return { kind: 'text', text, stamp: null }
}

/** Lists the articles under `root` synchronously (relative `/` paths, sorted), with the same rules as listArticleFiles. */
export function listArticlesSync(root: string): string[] {
  const found: string[] = []
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
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`
      if (entry.isDirectory() && !isSkippedFolder(child)) pending.push(child)
      else if (entry.isFile() && isArticleName(entry.name) && !entry.name.includes('\\')) found.push(child)
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function failedSummary(rel: string, message: string): ArticleSummary {
  return { path: rel, title: null, date: null, isDraft: false, format: 'none', tags: [], categories: [], wordCount: 0, buildStatus: 'published', error: { message, line: 1, column: 1, isFileError: true } }
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

  constructor(
    private readonly root: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Every article under the root (see listArticlesSync); null when the root itself cannot be read. */
  list(): string[] | null {
    try {
      return listArticlesSync(this.root)
    } catch (error) {
      // NOTE: the caller lists again the async way, which turns the errno into a proper Result.
      if (errnoCode(error) === undefined) throw error
      return null
    }
  }

  /**
   * Reads and summarizes one article (phase 1) without its word count; words are counted and indexed later by
   * `indexTerms`. Null when it is gone.
   */
  summarize(rel: string): ArticleSummary | null {
    const read = readForSummary(this.abs(rel))
    if (read.kind === 'missing') {
      this.remove(rel)
      return null
    }
    const summary = read.kind === 'text' ? summarizeForIndex(rel, read.text, this.nowMs(), false) : failedSummary(rel, read.message)
    this.forgetDoc(rel)
    this.records.set(rel, { summary, stamp: read.stamp, docId: -1 })
    this.pendingTerms.push(rel)
    return summary
  }

  /** Re-reads one changed or added article and indexes it fully (summary, word count, words). Null when it is gone. */
  update(rel: string): { summary: ArticleSummary; stamp: FileStamp } | null {
    const read = readIndexedText(this.abs(rel))
    if (read.kind === 'missing') {
      this.remove(rel)
      return null
    }
    this.forgetDoc(rel)
    const record: ShardRecord = { summary: failedSummary(rel, read.kind === 'failed' ? read.message : ''), stamp: read.stamp, docId: -1 }
    if (read.kind === 'text') {
      record.summary = summarizeForIndex(rel, read.text, this.nowMs(), true)
      this.addDoc(rel, record, read.text)
    }
    this.records.set(rel, record)
    return { summary: record.summary, stamp: read.stamp }
  }

  /**
   * Indexes the words of up to `max` articles summarized but not yet word-indexed, fills in their word counts and
   * hands each updated summary to `onSummary`; returns how many are left.
   */
  indexTerms(max: number, onSummary: (summary: ArticleSummary) => void): number {
    for (let n = 0; n < max && this.pendingAt < this.pendingTerms.length; n++) {
      const rel = this.pendingTerms[this.pendingAt++]
      const record = this.records.get(rel)
      if (record === undefined || record.docId !== -1 || record.summary.wordCount !== undefined) continue
      const read = readIndexedText(this.abs(rel))
      if (read.kind !== 'text') continue
      record.stamp = read.stamp
      this.addDoc(rel, record, read.text)
      record.summary = { ...record.summary, wordCount: countWords(read.text, bodyStart(read.text)) }
      onSummary(record.summary)
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
    this.forgetDoc(rel)
    this.records.delete(rel)
  }

  /** The stamp recorded for a path, if indexed (and its words too). */
  stampOf(rel: string): FileStamp | undefined {
    return this.records.get(rel)?.stamp ?? undefined
  }

  /** Articles containing every term (the last as a prefix), ranked: title matches first, then by path; the first `limit`. */
  search(terms: readonly string[], limit: number): { ranked: RankedMatch[]; total: number } {
    const paths = this.terms.match(terms).map((id) => this.byDoc.get(id) as string)
    const ranked = paths.map((path) => {
      const title = this.records.get(path)?.summary.title?.toLowerCase() ?? ''
      return { path, isTitleHit: terms.every((t) => title.includes(t)) }
    })
    ranked.sort(compareRanked)
    return { ranked: ranked.slice(0, limit), total: paths.length }
  }

  /** Search hits with a snippet each, for paths this shard holds. */
  snippets(paths: readonly string[], terms: readonly string[]): SearchHit[] {
    return paths.map((rel) => {
      const read = readIndexedText(this.abs(rel))
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

  private addDoc(rel: string, record: ShardRecord, text: string): void {
    record.docId = this.terms.add(`${rel}\n${text}`)
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
