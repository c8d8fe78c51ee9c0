import fs from 'node:fs'
import path from 'node:path'

/** The flags every confined index read opens a file with: read only, no link followed at the name, a FIFO never waited on. */
// NOTE: 0 on Windows, where neither exists (a FIFO cannot be named like a file there, links need privileges).
export const indexFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0)

/** What opening a file for the index gave: an fd on a regular file with its fstat, or why not (never thrown). */
export type IndexOpen = { kind: 'open'; fd: number; stats: fs.Stats } | { kind: 'skipped' } | { kind: 'missing' } | { kind: 'failed'; code: string }

/** How an open file is proven to lie inside the root: the fd's kernel name (Linux), or the real path's dev/ino. */
export type SyncProof = 'proc' | 'realpath'

const defaultProof: SyncProof = process.platform === 'linux' ? 'proc' : 'realpath'
// NOTE: the root's real path, computed once per root: a root renamed while open then proves nothing (files skipped).
const realRoots = new Map<string, string | null>()

/** The real path of `root` (cached per root for the process); null when it cannot be resolved (nothing is then proven under it). */
export function realRootOf(root: string): string | null {
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

/** True when the real path `child` lies strictly under the real path `root`. */
export const isUnder = (root: string, child: string): boolean => child.startsWith(root.endsWith(path.sep) ? root : root + path.sep)

/**
 * The synchronous file-system calls the real-path proof makes, one method each: Node's own (nodeProofFs) unless the
 * caller passes another, as core takes its asynchronous file system through FsPort.
 */
export interface ProofFs {
  realpath(path: string): string
  fstat(fd: number): fs.BigIntStats
  lstat(path: string): fs.BigIntStats
  open(path: string, flags: number): number
  close(fd: number): void
}

export const nodeProofFs: ProofFs = {
  realpath: (p) => fs.realpathSync.native(p),
  fstat: (fd) => fs.fstatSync(fd, { bigint: true }),
  lstat: (p) => fs.lstatSync(p, { bigint: true }),
  open: (p, flags) => fs.openSync(p, flags),
  close: (fd) => fs.closeSync(fd),
}

/** How isProvenInside proves: the proof (default: 'proc' on Linux), the platform whose rules apply, and the file system. */
export interface ProofOptions {
  proof?: SyncProof
  platform?: NodeJS.Platform
  fs?: ProofFs
}

// NOTE: macOS 11+ open(2) flag: fail with ELOOP if ANY component of the path is a symbolic link (not exported by
// Node's fs.constants; libuv passes flags through). Unknown to Linux and older macOS, hence only used on darwin.
const oNoFollowAny = 0x20000000

/**
 * True when the open `fd` (of `abs`, fstat `stats`) is proven to lie under the real path of `root`: on Linux the
 * path the kernel names for the fd (/proc/self/fd/N; one readlink, no race), elsewhere (realPathProof) the real path
 * of `abs` with every folder on it checked before and after, and on macOS 11+ a second open of that real path that
 * refuses any link (O_NOFOLLOW_ANY). Catches a parent folder swapped for a link after the listing.
 */
export function isProvenInside(fd: number, stats: fs.Stats, abs: string, root: string, { proof = defaultProof, platform = process.platform, fs: ops = nodeProofFs }: ProofOptions = {}): boolean {
  const realRoot = realRootOf(root)
  if (realRoot === null || !stats.isFile()) return false
  if (proof === 'proc') {
    try {
      return isUnder(realRoot, fs.readlinkSync(`/proc/self/fd/${fd}`))
    } catch (error) {
      // NOTE: /proc may be missing in a sandbox; the real-path proof below serves then.
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    }
  }
  try {
    return realPathProof(fd, abs, realRoot, ops, platform)
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    return false
  }
}

/** dev:ino (64-bit exact: Windows file ids pass 2^53) of every folder from `realRoot` down to the parent of `real`; null when one is not a plain folder. */
function folderIds(realRoot: string, real: string, ops: ProofFs): string[] | null {
  const ids: string[] = []
  let dir = realRoot
  for (const part of path.relative(realRoot, path.dirname(real)).split(path.sep).filter((p) => p !== '')) {
    dir = path.join(dir, part)
    const st = ops.lstat(dir)
    if (st.isSymbolicLink() || !st.isDirectory()) return null
    ids.push(`${st.dev}:${st.ino}`)
  }
  return ids
}

/**
 * The proof where the kernel cannot name an fd's path (macOS, Windows; Node has no openat nor F_GETPATH): the real
 * path of `abs` must lie under the root, every folder on it must be a plain folder with the same dev/ino before and
 * after the file's own lstat, that lstat must name the fd's dev/ino (bigint, exact), and the real path taken again
 * must not have moved. On macOS 11+ the real path is then opened again with O_NOFOLLOW_ANY (no link anywhere on it)
 * and must be the fd's file: that open cannot be fooled by a swap, so the proof there has no gap.
 * NOTE: without O_NOFOLLOW_ANY (Windows, older macOS) one gap remains: a folder on the path that is a link to an
 * outside folder when the file is opened AND during the final lstat, but a plain folder during the realpath calls and
 * both folder walks (swapped there and back twice, each time in the microseconds between two calls).
 */
function realPathProof(fd: number, abs: string, realRoot: string, ops: ProofFs, platform: NodeJS.Platform): boolean {
  const real = ops.realpath(abs)
  if (!isUnder(realRoot, real)) return false
  const opened = ops.fstat(fd)
  const before = folderIds(realRoot, real, ops)
  if (before === null) return false
  const now = ops.lstat(real)
  if (now.isSymbolicLink() || now.dev !== opened.dev || now.ino !== opened.ino) return false
  const after = folderIds(realRoot, real, ops)
  if (after === null || after.join('/') !== before.join('/')) return false
  if (ops.realpath(abs) !== real) return false
  if (platform !== 'darwin') return true
  let again: number
  try {
    again = ops.open(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | oNoFollowAny)
  } catch (error) {
    // NOTE: EINVAL: a macOS older than 11 does not know the flag; the checks above are then the whole proof.
    if ((error as NodeJS.ErrnoException).code === 'EINVAL') return true
    throw error
  }
  try {
    const confirmed = ops.fstat(again)
    return confirmed.dev === opened.dev && confirmed.ino === opened.ino
  } finally {
    ops.close(again)
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
    if (stats.isFile() && isProvenInside(fd, stats, abs, root, { proof })) return { kind: 'open', fd, stats }
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
