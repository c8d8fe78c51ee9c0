import fs from 'node:fs'
import path from 'node:path'

// NOTE: 0 on Windows, where neither exists (a FIFO cannot be named like a file there, links need privileges).
const indexFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0)

/** What opening a file for the index gave: an fd on a regular file with its fstat, or why not (never thrown). */
export type IndexOpen = { kind: 'open'; fd: number; stats: fs.Stats } | { kind: 'skipped' } | { kind: 'missing' } | { kind: 'failed'; code: string }

/** How an open file is proven to lie inside the root: the fd's kernel name (Linux), or the real path's dev/ino. */
export type SyncProof = 'proc' | 'realpath'

const defaultProof: SyncProof = process.platform === 'linux' ? 'proc' : 'realpath'
// NOTE: the root's real path, computed once per root: a root renamed while open then proves nothing (files skipped).
const realRoots = new Map<string, string | null>()

function realRootOf(root: string): string | null {
  let real = realRoots.get(root)
  if (real === undefined) {
    try {
      real = fs.realpathSync.native(root)
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
      real = null
    }
    if (realRoots.size > 64) realRoots.clear()
    realRoots.set(root, real)
  }
  return real
}

const isUnder = (root: string, child: string): boolean => child.startsWith(root.endsWith(path.sep) ? root : root + path.sep)

/**
 * True when the open `fd` (of `abs`, fstat `stats`) is proven to lie under the real path of `root`: on Linux the
 * path the kernel names for the fd (/proc/self/fd/N; one readlink, no race), elsewhere the real path of `abs` computed
 * now and accepted only with the fd's dev/ino. Catches a parent folder swapped for a link after the listing.
 */
export function isProvenInside(fd: number, stats: fs.Stats, abs: string, root: string, proof: SyncProof = defaultProof): boolean {
  const realRoot = realRootOf(root)
  if (realRoot === null) return false
  if (proof === 'proc') {
    try {
      return isUnder(realRoot, fs.readlinkSync(`/proc/self/fd/${fd}`))
    } catch (error) {
      // NOTE: /proc may be missing in a sandbox; the real-path proof below serves then.
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    }
  }
  try {
    const real = fs.realpathSync.native(abs)
    if (!isUnder(realRoot, real)) return false
    const now = fs.lstatSync(real)
    // NOTE: lstat follows a parent folder swapped for a link after realpath looked; the real path taken again must
    // not have moved, or the inode seen may be an outside one. (A swap there and back between these two calls is
    // not caught; /proc's proof has no such gap.)
    return now.dev === stats.dev && now.ino === stats.ino && fs.realpathSync.native(abs) === real
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    return false
  }
}

/**
 * The store's synchronous twin for index workers: opens `abs` (a file under `root`) for reading the way listing
 * judges it, with the store's proof. A link at the path is not followed (O_NOFOLLOW: a link planted while running is
 * skipped as at start-up), a FIFO never blocks (O_NONBLOCK), anything but a regular file (fstat) is skipped, and so
 * is a file not proven to lie under `root` after opening (a parent folder swapped for a link: isProvenInside).
 * One open, one fstat and one readlink on Linux: what the cold index on 50,000 files pays (see the index bench).
 */
export function openForIndexSync(abs: string, root: string, proof: SyncProof = defaultProof): IndexOpen {
  let fd: number
  try {
    fd = fs.openSync(abs, indexFlags)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    // NOTE: ELOOP is O_NOFOLLOW meeting a link; EMLINK is FreeBSD's way of saying the same.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'skipped' }
    return { kind: 'failed', code }
  }
  try {
    const stats = fs.fstatSync(fd)
    if (stats.isFile() && isProvenInside(fd, stats, abs, root, proof)) return { kind: 'open', fd, stats }
  } catch (error) {
    fs.closeSync(fd)
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    return { kind: 'failed', code }
  }
  fs.closeSync(fd)
  return { kind: 'skipped' }
}

/**
 * A small file's UTF-8 text with its fstat, opened as openForIndexSync does (no link followed, no FIFO opened,
 * proven under `root`, nothing over `maxBytes`); null when it is absent, skipped, too large or unreadable.
 */
export function readTextForIndexSync(abs: string, root: string, maxBytes: number): { text: string; stats: fs.Stats } | null {
  const opened = openForIndexSync(abs, root)
  if (opened.kind !== 'open') return null
  try {
    if (opened.stats.size > maxBytes) return null
    return { text: fs.readFileSync(opened.fd, 'utf8'), stats: opened.stats }
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    return null
  } finally {
    fs.closeSync(opened.fd)
  }
}
