import { constants } from 'node:fs'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from '../errno'
import type { FsHandle, FsPort, FsStats } from '../fs-port'
import { isInside } from '../path-rules'

// NOTE: undefined on Windows (0 there): a FIFO cannot be named like a file there, and links need privileges.
const oNonBlock = constants.O_NONBLOCK ?? 0
const oNoFollow = constants.O_NOFOLLOW ?? 0

/** On Linux the kernel names the file an fd has open (/proc/self/fd/N): a proof that cannot race. */
const hasProcFd = process.platform === 'linux'

/** An open regular file proven to lie inside the root, and where it was proven to be (an absolute real path). */
export interface ConfinedFile {
  handle: FsHandle
  stats: FsStats
  realPath: string
}

/** The message for a path that is there but is not a regular file. */
export function notRegularMessage(shown: string, stats: FsStats): string {
  const what = stats.isDirectory() ? 'a folder' : 'not a regular file (a FIFO, socket or device)'
  return `"${shown}" is ${what}; Folio does not open it.`
}

/**
 * Where an open file really is: the path the kernel reports for the fd (Linux), or else the real path of `abs`
 * computed now, accepted only when it names the same dev/ino as the fd and every folder on it from `root` down is a
 * plain folder with the same dev/ino before and after that check (see realPathProof in sync-open.ts, whose steps are
 * tested one by one). Null when that cannot be proven.
 */
export async function openedPath(fs: FsPort, handle: FsHandle, stats: FsStats | (() => Promise<FsStats>), abs: string, root?: string): Promise<string | null> {
  if (hasProcFd) {
    try {
      const named = await fs.readlink(`/proc/self/fd/${handle.fd}`)
      // NOTE: a file deleted since it was opened is named "<path> (deleted)"; it is not proven to be anywhere.
      return path.isAbsolute(named) && !named.endsWith(' (deleted)') ? named : null
    } catch (error) {
      // NOTE: /proc may be missing in a sandbox; the dev/ino proof below serves then.
      if (errnoCode(error) === undefined) throw error
    }
  }
  try {
    const real = await fs.realpath(abs)
    const top = root !== undefined && isInside(root, real) ? root : path.parse(real).root
    const before = await folderIds(fs, top, real)
    const opened = typeof stats === 'function' ? await stats() : stats
    const now = await fs.lstat(real)
    // NOTE: lstat follows a parent folder swapped for a link after realpath looked; the folders walked again and the
    // real path taken again must not have moved, or the inode seen may be an outside one. (A swap to a link and back
    // twice, each between two of these calls, is still not caught; /proc's proof has no such gap.)
    if (before === null || now.isSymbolicLink() || now.dev !== opened.dev || now.ino !== opened.ino) return null
    const after = await folderIds(fs, top, real)
    return after !== null && after.join('/') === before.join('/') && (await fs.realpath(abs)) === real ? real : null
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
}

/** dev:ino of every folder from `top` (excluded) down to the parent of `real`; null when one is a link or not a folder. */
async function folderIds(fs: FsPort, top: string, real: string): Promise<string[] | null> {
  const ids: string[] = []
  let dir = top
  for (const part of path.relative(top, path.dirname(real)).split(path.sep).filter((p) => p !== '')) {
    dir = path.join(dir, part)
    const st = await fs.lstat(dir)
    if (st.isSymbolicLink() || !st.isDirectory()) return null
    ids.push(`${st.dev}:${st.ino}`)
  }
  return ids
}

/**
 * Opens the regular file at `abs` for reading and proves it lies inside `root` (after opening, so a link swapped in
 * meanwhile is caught). A non-regular file is refused from lstat/stat and never opened (a FIFO's open would block;
 * O_NONBLOCK and fstat close the remaining race). With `followLinks` false a link at `abs` counts as no article.
 */
export async function openConfined(fs: FsPort, root: string, abs: string, shown: string, followLinks: boolean): Promise<Result<ConfinedFile>> {
  // NOTE: another editor saving by rename (most do) replaces the file between our open and its proof; the kernel
  // then names the fd "<path> (deleted)" and no proof holds. That is not a link leading outside: the name now holds
  // another file, so it is opened again (twice at most; a file deleted meanwhile is NOT_FOUND).
  for (let attempt = 0; ; attempt += 1) {
    const opened = await openConfinedOnce(fs, root, abs, shown, followLinks)
    if (!opened.ok) return opened
    if (opened.value !== 'replaced') return ok(opened.value)
    if (attempt === 2) return fail('INVALID_PATH', `"${shown}" kept being replaced while Folio opened it; try again.`, { path: shown })
  }
}

/** True when the name `abs` no longer leads to the file open as `stats` (replaced, or gone). */
async function isNameMoved(fs: FsPort, abs: string, stats: FsStats, followLinks: boolean): Promise<boolean> {
  try {
    const now = followLinks ? await fs.stat(abs) : await fs.lstat(abs)
    return now.dev !== stats.dev || now.ino !== stats.ino
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return true
  }
}

async function openConfinedOnce(fs: FsPort, root: string, abs: string, shown: string, followLinks: boolean): Promise<Result<ConfinedFile | 'replaced'>> {
  let handle: FsHandle | undefined
  try {
    const link = await fs.lstat(abs)
    if (link.isSymbolicLink() && !followLinks) return fail('INVALID_PATH', `"${shown}" is a symbolic link; Folio does not follow it here.`, { path: shown })
    const target = link.isSymbolicLink() ? await fs.stat(abs) : link
    if (!target.isFile()) return fail('INVALID_PATH', notRegularMessage(shown, target), { path: shown })
    handle = await fs.open(abs, constants.O_RDONLY | oNonBlock | (followLinks ? 0 : oNoFollow))
    const stats = await handle.stat()
    if (!stats.isFile()) return fail('INVALID_PATH', notRegularMessage(shown, stats), { path: shown })
    const where = await openedPath(fs, handle, stats, abs, root)
    if (where === null && (await isNameMoved(fs, abs, stats, followLinks))) return ok('replaced')
    if (where === null || !isInside(root, where)) {
      return fail('INVALID_PATH', `"${shown}" leads outside the folder (through a symbolic link); Folio does not open it.`, { path: shown })
    }
    const confined = { handle, stats, realPath: where }
    handle = undefined
    return ok(confined)
  } catch (error) {
    if (errnoCode(error) === 'ELOOP') return fail('INVALID_PATH', `"${shown}" is a symbolic link; Folio does not follow it here.`, { path: shown })
    return errnoToResult(error, 'read', shown)
  } finally {
    // NOTE: only reached with a handle on a refusal; closing a read-only handle cannot lose data.
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Reads a whole open file of `size` bytes (stopping at `limit`+1 bytes, so growth past the limit shows).
 * NOTE: the buffer has room for one byte more than `size`, so a file that did not grow since its fstat is read in one
 * call: a read that filled exactly `size` bytes and stopped short of the room is at the end. A short read before
 * `size` (a network or FUSE file system may return one) reads on, and so does a file that grew. One call less per read
 * counts: a save reads its file twice (bench/save.bench.mjs).
 */
export async function readAll(handle: FsHandle, size: number, limit: number): Promise<Uint8Array> {
  let buffer = new Uint8Array(Math.min(size + 1, limit + 1))
  let filled = 0
  for (;;) {
    if (filled === size && filled > 0 && filled < buffer.byteLength) return buffer.subarray(0, filled)
    if (filled === buffer.byteLength) {
      if (buffer.byteLength > limit) return buffer
      const grown = new Uint8Array(Math.min(limit + 1, Math.max(buffer.byteLength * 2, 4096)))
      grown.set(buffer)
      buffer = grown
    }
    const n = await handle.read(buffer, filled, buffer.byteLength - filled, filled)
    if (n === 0) return buffer.subarray(0, filled)
    filled += n
  }
}

/** True when the file's mode lets this process's user write it (owner, group or other bits; root is not exempt). */
export function isWritableMode(stats: FsStats): boolean {
  if (process.platform === 'win32' || process.getuid === undefined) return (stats.mode & 0o200) !== 0
  if (stats.uid === process.getuid()) return (stats.mode & 0o200) !== 0
  if (process.getgid !== undefined && stats.gid === process.getgid()) return (stats.mode & 0o020) !== 0
  return (stats.mode & 0o002) !== 0
}
