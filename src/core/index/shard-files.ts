import fs from 'node:fs'
import path from 'node:path'
import { isArticleName, isSkippedFolder } from '../article-files'
import { errnoCode } from '../errno'
import type { CacheStamp } from './summary-cache'

/** Files larger than this are listed with an error and not read (bytes); matches the session's limit. */
const maxIndexedBytes = 10 * 1024 * 1024

/** What reading one article gave: LF text with its stamp, nothing (gone), or a failure to report. */
export type ReadOutcome = { kind: 'text'; text: string; stamp: CacheStamp } | { kind: 'missing' } | { kind: 'failed'; message: string; stamp: CacheStamp }

const scratch = Buffer.allocUnsafe(256 * 1024)

/** Reads a file as LF text without BOM, with its size and mtime; never throws for I/O problems. */
export function readIndexedText(abs: string): ReadOutcome {
  let fd: number
  try {
    fd = fs.openSync(abs, 'r')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return { kind: 'missing' }
    return { kind: 'failed', message: `Could not read the file (${errnoCode(error) ?? 'error'}).`, stamp: { size: 0, mtimeMs: 0, ctimeMs: 0 } }
  }
  try {
    const stats = fs.fstatSync(fd)
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs }
    if (!stats.isFile()) return { kind: 'missing' }
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
    let text = buffer.toString('utf8', 0, read)
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
    return { kind: 'text', text, stamp }
  } catch (error) {
    return { kind: 'failed', message: `Could not read the file (${errnoCode(error) ?? 'error'}).`, stamp: { size: 0, mtimeMs: 0, ctimeMs: 0 } }
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
