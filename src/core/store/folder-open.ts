import fs from 'node:fs'
import type { IndexOpen } from './sync-open'
import { indexFlags, isUnder, realRootOf } from './sync-open'

// Reading many files of one folder with one proof (Linux, issue #22): the folder is opened without following a link
// at its name and proven, through the kernel's name for its fd, to lie in the root's real folder; its files are then
// opened through /proc/thread-self/fd/<fd>/<name>, which the kernel resolves from the opened folder itself, never from its
// path again, with O_NOFOLLOW so a file swapped for a link is not followed. A folder of the path swapped for a link
// after that cannot redirect the reads: they never walk the path. After its files are opened the folder is proven
// again (it may have been moved out meanwhile); what was read before a failed second proof is dropped by the caller.
// Elsewhere (macOS, Windows: no /proc, Node has no openat) every file keeps the per-file proof (openForIndexSync).

/** A folder opened for reading its files (see openFolderForIndexSync), or why it is not. */
export type FolderOpen =
  | { kind: 'open'; fd: number; prefix: string; realRoot: string }
  /** Gone, not a folder, a link, or not proven under the root: it holds no articles now. */
  | { kind: 'none' }
  | { kind: 'failed'; code: string }
  /** No /proc here (not Linux, or a sandbox without it): open each file with openForIndexSync instead. */
  | { kind: 'unsupported' }

const folderFlags = fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0) | (fs.constants.O_NOFOLLOW ?? 0)
let hasProc = process.platform === 'linux'

/**
 * Where this process's fds are named in /proc: /proc/thread-self/fd (Linux 3.17+), else /proc/self/fd. Both name the
 * same fds (threads share them). NOTE: a path through an fd link is walked by the kernel with a reference taken on
 * each of its folders (the fast lock-free walk cannot follow such a link), so with /proc/self two scan threads of one
 * process write the same few /proc entries on every open: each thread's reads got about a fifth slower side by side.
 * /proc/thread-self's entries are each thread's own.
 */
const procFds = ((): string => {
  try {
    return process.platform === 'linux' && fs.statSync('/proc/thread-self/fd').isDirectory() ? '/proc/thread-self/fd/' : '/proc/self/fd/'
  } catch {
    return '/proc/self/fd/'
  }
})()

/** The kernel's name for an open fd (Linux); null when /proc cannot tell (then nothing is proven). */
function kernelName(fd: number): string | null {
  try {
    return fs.readlinkSync(`${procFds}${fd}`)
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    return null
  }
}

/**
 * Opens the folder `abs` (the root or a folder under it) to read its files with openInFolderSync: its own name is no
 * link (O_NOFOLLOW), it is a folder (O_DIRECTORY), and the kernel's name for it lies in the real root. The caller
 * closes it with closeFolder after proving it again (isFolderStillInside). Never throws for I/O problems.
 */
export function openFolderForIndexSync(abs: string, root: string): FolderOpen {
  if (!hasProc) return { kind: 'unsupported' }
  const realRoot = realRootOf(root)
  if (realRoot === null) return { kind: 'none' }
  let fd: number
  try {
    fd = fs.openSync(abs, folderFlags)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    // NOTE: ELOOP: the folder was swapped for a link; ENOTDIR: for a file (or a folder of its path was).
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EMLINK' ? { kind: 'none' } : { kind: 'failed', code }
  }
  const name = kernelName(fd)
  if (name === null) {
    fs.closeSync(fd)
    // NOTE: /proc may be missing in a sandbox: every later read takes the per-file proof instead.
    hasProc = false
    return { kind: 'unsupported' }
  }
  if (name !== realRoot && !isUnder(realRoot, name)) {
    fs.closeSync(fd)
    return { kind: 'none' }
  }
  return { kind: 'open', fd, prefix: `${procFds}${fd}/`, realRoot }
}

/** True when the open folder still lies in the real root (the second proof, after its files were opened). */
export function isFolderStillInside(folder: { fd: number; realRoot: string }): boolean {
  const name = kernelName(folder.fd)
  return name !== null && (name === folder.realRoot || isUnder(folder.realRoot, name))
}

/** Closes a folder opened by openFolderForIndexSync. */
export function closeFolder(folder: { fd: number }): void {
  fs.closeSync(folder.fd)
}

/** What opening a name of an open folder gave, before any look at what was opened (see openNameInFolderSync). */
export type NameOpen = { kind: 'fd'; fd: number } | Exclude<IndexOpen, { kind: 'open' }>

/**
 * Opens the file `name` (one plain name, no separator) of an open folder with the index's flags (no link followed, no
 * FIFO waited on), without looking at what it opened: the caller closes the fd and judges the file (see
 * openInFolderSync). Never throws for I/O problems.
 */
export function openNameInFolderSync(folder: { prefix: string }, name: string): NameOpen {
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return { kind: 'skipped' }
  try {
    return { kind: 'fd', fd: fs.openSync(folder.prefix + name, indexFlags) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'skipped' }
    return { kind: 'failed', code }
  }
}

/**
 * Opens the file `name` (one plain name, no separator) of an open folder as openForIndexSync would: no link followed,
 * no FIFO waited on, only a regular file kept (fstat). Never throws for I/O problems.
 */
export function openInFolderSync(folder: { prefix: string }, name: string): IndexOpen {
  const opened = openNameInFolderSync(folder, name)
  if (opened.kind !== 'fd') return opened
  const { fd } = opened
  try {
    const stats = fs.fstatSync(fd)
    if (stats.isFile()) return { kind: 'open', fd, stats }
  } catch (error) {
    fs.closeSync(fd)
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    return { kind: 'failed', code }
  }
  fs.closeSync(fd)
  return { kind: 'skipped' }
}
