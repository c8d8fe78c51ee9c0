import { isAscii } from 'node:buffer'
import fs from 'node:fs'
import { errnoCode } from '../errno'
import { closeFolder, isFolderStillInside, openFolderForIndexSync, openInFolderSync, openNameInFolderSync, type FolderOpen } from '../store/folder-open'
import { openForIndexSync, type IndexOpen } from '../store/sync-open'
import { absOf } from './stamp-read'

// How a one-off scan reads articles (see folder-scan): confined exactly as the index reads, into one reused buffer.

/** Files larger than this are skipped with a note (bytes); the index lists them with an error and never reads them. */
export const maxScannedBytes = 10 * 1024 * 1024

/**
 * What reading one file for a scan gave: its bytes (valid until the next read) and its fstat (null when the read
 * was asked for none: see readFolder), or why there are none.
 */
export type ScanRead = { kind: 'bytes'; bytes: Buffer; stats: fs.Stats | null } | { kind: 'none' } | { kind: 'skipped'; reason: string }

export { absOf }

/** The LF text of UTF-8 bytes without BOM (the text the index reads; invalid bytes decoded lossily, as it does). */
export function lfText(bytes: Buffer): string {
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return text
}

/** The LF text of bytes a matcher accepted (ASCII bytes are their own latin1 text). */
export function textOf(bytes: Buffer): string {
  if (!isAscii(bytes)) return lfText(bytes)
  const text = bytes.toString('latin1')
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

let scratch = Buffer.allocUnsafe(256 * 1024)

/** Reads a file opened the index's way into the reused buffer and closes it; a file over maxScannedBytes is never read. */
function readOpened(opened: IndexOpen): ScanRead {
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
    return { kind: 'bytes', bytes: scratch.subarray(0, read), stats }
  } catch (error) {
    const code = errnoCode(error)
    if (code === undefined) throw error
    return { kind: 'skipped', reason: `could not be read (${code})` }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Reads a file under `root` for a scan exactly as the index opens it (openForIndexSync: no link followed, no FIFO
 * opened, only a regular file proven to lie under the root after opening), into one reused buffer.
 */
export function readForScan(abs: string, root: string): ScanRead {
  return readOpened(openForIndexSync(abs, root))
}

/** The folder part of a `/` path ('' at the root). */
export function folderOf(rel: string): string {
  const slash = rel.lastIndexOf('/')
  return slash === -1 ? '' : rel.slice(0, slash)
}

/** True when the `/` path `rel` is a file of the folder `dir` (folderOf(rel) === dir, without making a string). */
export function isInFolder(rel: string, dir: string): boolean {
  return rel.lastIndexOf('/') === (dir === '' ? -1 : dir.length) && rel.startsWith(dir)
}

const tooLarge: ScanRead = { kind: 'skipped', reason: 'larger than 10 MB' }
const noArticle: ScanRead = { kind: 'none' }

/**
 * Reads the file `name` of a folder opened by openFolderForIndexSync into the reused buffer, as openInFolderSync
 * and readOpened would, without their fstat while the file fits the buffer (the scan needs no stamp). NOTE: an
 * fstat per file was a fifth of a scan's system time. What it told is told otherwise: the read is a pread, which a
 * FIFO refuses (ESPIPE, so never waited on) as a folder does (EISDIR); a read that fills the buffer takes the fstat
 * (not a regular file: no article; over 10 MB: skipped), so no device is read past it; only a device giving almost
 * nothing (/dev/null) would read as a small file, and no device can be made or moved into a folder without
 * privileges.
 */
function readInFolder(folder: { prefix: string }, name: string): ScanRead {
  const opened = openNameInFolderSync(folder, name)
  if (opened.kind !== 'fd') return readOpened(opened)
  const { fd } = opened
  try {
    let read = 0
    for (;;) {
      if (read === scratch.length) {
        const stats = fs.fstatSync(fd)
        if (!stats.isFile()) return noArticle
        if (stats.size > maxScannedBytes || read > maxScannedBytes) return tooLarge
        scratch = Buffer.concat([scratch.subarray(0, read)], Math.min(maxScannedBytes + 1, Math.max(stats.size + 1, scratch.length * 2)))
      }
      const n = fs.readSync(fd, scratch, read, scratch.length - read, read)
      read += n
      // NOTE: a regular file's short read is its end (as readForSummary takes it): no second read to hear it.
      if (n === 0 || read < scratch.length) return { kind: 'bytes', bytes: scratch.subarray(0, read), stats: null }
    }
  } catch (error) {
    const code = errnoCode(error)
    if (code === undefined) throw error
    return code === 'ESPIPE' || code === 'EISDIR' ? noArticle : { kind: 'skipped', reason: `could not be read (${code})` }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Reads the files `rels[from, to)`, all in the folder `dir` of `root`, handing each read to `each` (which returns
 * false to stop). On Linux the folder is opened and proven once and its files opened relative to it (folder-open);
 * elsewhere each file is proven by itself (readForScan). Returns false when the folder failed its proof after its
 * files were opened (moved out of the root meanwhile): the caller then drops whatever `each` was given.
 * `withStats` false: each read's stats may be null (it then costs one system call less). `useFolderProof` false
 * takes the per-file proof everywhere (for tests of that path).
 */
export function readFolder(
  root: string,
  dir: string,
  rels: readonly string[],
  from: number,
  to: number,
  each: (rel: string, read: ScanRead) => boolean,
  { withStats = true, useFolderProof = true }: { withStats?: boolean; useFolderProof?: boolean } = {},
): boolean {
  const folder: FolderOpen = useFolderProof ? openFolderForIndexSync(dir === '' ? root : absOf(root, dir), root) : { kind: 'unsupported' }
  if (folder.kind === 'unsupported') {
    for (let i = from; i < to; i++) if (!each(rels[i], readForScan(absOf(root, rels[i]), root))) break
    return true
  }
  if (folder.kind !== 'open') {
    // NOTE: a folder gone, swapped for a link or a file, or not under the root holds no article of this folder now.
    const read: ScanRead = folder.kind === 'none' ? noArticle : { kind: 'skipped', reason: `could not be read (${folder.code})` }
    for (let i = from; i < to; i++) if (!each(rels[i], read)) break
    return true
  }
  try {
    const nameAt = dir === '' ? 0 : dir.length + 1
    for (let i = from; i < to; i++) {
      const name = rels[i].slice(nameAt)
      if (!each(rels[i], withStats ? readOpened(openInFolderSync(folder, name)) : readInFolder(folder, name))) break
    }
    return isFolderStillInside(folder)
  } finally {
    closeFolder(folder)
  }
}
