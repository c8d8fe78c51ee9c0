import path from 'node:path'
import type { FileVersion } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { removeQuietly, renameWithRetry, syncFolder, tempPathIn } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'
import { hashBytes } from '../file-version'
import { nodeFs, type FsHandle, type FsPort, type FsStats } from '../fs-port'
import { isInside } from '../path-rules'
import { maxArticleBytes, type ArticleStore, type MakeBytes, type StoredFile, type StoreReadOptions, type StoreWriteOptions, type StoreWriteResult } from './article-store'
import { isWritableMode, notRegularMessage, openConfined, openedPath, readAll } from './confine'
import { listArticlesStreaming } from './listing'
import { lstatOrNull, realFolder } from './real-folders'
import { moveEntry, trashEntry } from './store-moves'
import { checkStorePath, type StorePathPolicy } from './store-paths'
import { nodeTrasher, type Trasher } from './trasher'
import { KeyedQueue } from '@shared/keyed-queue'
import { writeQueueKey } from './write-queue'

/** Options of NodeArticleStore.open; all optional. */
export interface NodeStoreOptions {
  /** The file-system port (tests inject faults through it). */
  fs?: FsPort
  /** Where trash goes: the `trash` package by default; the desktop shell injects Electron's shell.trashItem. */
  trasher?: Trasher
  /** Which paths are served (default `articles`). */
  policy?: StorePathPolicy
  /** Delay before the first rename retry in ms (Windows locks); tests make it short. */
  retryDelayMs?: number
  /** Whose name rules key the write queue of a new file (see writeQueueKey); default this process's platform. */
  platform?: NodeJS.Platform
}

/** A file read for a save and kept open until its rename (see isUnchanged). */
interface HeldFile {
  file: StoredFile
  stats: FsStats
  handle: FsHandle
}

/** Where a file is, resolved to its real folder (a link to a file inside the root is followed, so the link survives a save). */
interface Located {
  dir: string
  file: string
  stats: FsStats | null
}

/** True when both hold the same bytes (compared in place: Buffer.from of a Uint8Array would copy it). */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

const tooLarge = (shown: string): Result<never> => fail('TOO_LARGE', `"${shown}" is larger than 10 MB; Folio does not open or save it.`, { path: shown })

/** The ArticleStore over a real folder (see ArticleStore for the contract). Construct with open(). */
export class NodeArticleStore implements ArticleStore {
  private readonly queue = new KeyedQueue()
  private readonly fs: FsPort
  private readonly policy: StorePathPolicy

  private constructor(
    readonly root: string,
    private readonly options: NodeStoreOptions,
  ) {
    this.fs = options.fs ?? nodeFs
    this.policy = options.policy ?? 'articles'
  }

  /** Opens the folder `dir` (resolved to its real path); NOT_FOUND or INVALID_PATH when it is not a folder. */
  static async open(dir: string, options: NodeStoreOptions = {}): Promise<Result<NodeArticleStore>> {
    const fs = options.fs ?? nodeFs
    const absolute = path.resolve(dir)
    try {
      const real = await fs.realpath(absolute)
      if (!(await fs.stat(real)).isDirectory()) return fail('INVALID_PATH', `"${absolute}" is not a folder.`, { path: absolute })
      return ok(new NodeArticleStore(real, options))
    } catch (error) {
      return errnoToResult(error, 'open the folder', absolute)
    }
  }

  list(take: (paths: string[]) => void): Promise<Result<void>> {
    return listArticlesStreaming(this.fs, this.root, take)
  }

  async read(relPath: string, options: StoreReadOptions = {}): Promise<Result<StoredFile>> {
    const segments = checkStorePath(this.policy, relPath)
    if (!segments.ok) return segments
    const dir = await realFolder(this.fs, this.root, segments.value.slice(0, -1), relPath, false)
    if (!dir.ok) return dir.error.code === 'NOT_FOUND' ? fail('NOT_FOUND', `Could not open "${relPath}": it does not exist.`, { path: relPath }) : dir
    const read = await this.readAt(path.join(dir.value, segments.value[segments.value.length - 1]), relPath, options.followLinks ?? true)
    if (!read.ok) return read
    return read.value === null ? fail('NOT_FOUND', `Could not open "${relPath}": it does not exist.`, { path: relPath }) : ok(read.value.file)
  }

  async write(relPath: string, bytes: Uint8Array | MakeBytes, options: StoreWriteOptions): Promise<Result<StoreWriteResult>> {
    const segments = checkStorePath(this.policy, relPath)
    if (!segments.ok) return segments
    if (bytes instanceof Uint8Array && bytes.byteLength > maxArticleBytes) return tooLarge(relPath)
    const located = await this.locate(segments.value, relPath, true)
    if (!located.ok) return located
    const { stats, file } = located.value
    return this.queue.run(writeQueueKey(stats, file, this.options.platform), () => this.writeNow(located.value, relPath, bytes, options))
  }

  async create(relPath: string, bytes: Uint8Array): Promise<Result<FileVersion>> {
    const segments = checkStorePath(this.policy, relPath)
    if (!segments.ok) return segments
    if (bytes.byteLength > maxArticleBytes) return tooLarge(relPath)
    const located = await this.locate(segments.value, relPath, true)
    if (!located.ok) return located
    const exists = fail('CONFLICT', `"${relPath}" already exists; nothing was written.`, { path: relPath })
    if (located.value.stats !== null) return exists
    const { dir, file } = located.value
    return this.queue.run(writeQueueKey(null, file, this.options.platform), async () => {
      const temp = await this.writeTemp(dir, relPath, bytes, undefined)
      if (!temp.ok) return temp
      try {
        // NOTE: link() never replaces an existing name (EEXIST), unlike rename: a file made meanwhile is kept.
        await this.fs.link(temp.value.path, file)
      } catch (error) {
        await removeQuietly(this.fs, temp.value.path)
        return errnoCode(error) === 'EEXIST' ? exists : errnoToResult(error, 'create', relPath)
      }
      await removeQuietly(this.fs, temp.value.path)
      await syncFolder(this.fs, dir)
      return ok(temp.value.version)
    })
  }

  move(from: string, to: string): Promise<Result<void>> {
    return moveEntry({ fs: this.fs, root: this.root, policy: this.policy }, from, to)
  }

  trash(relPath: string): Promise<Result<void>> {
    return trashEntry({ fs: this.fs, root: this.root, policy: this.policy }, this.options.trasher ?? nodeTrasher, relPath)
  }

  /** Resolves the file's real folder (creating missing folders when asked) and follows a link at the file that stays inside. */
  private async locate(segments: string[], shown: string, create: boolean): Promise<Result<Located>> {
    const dir = await realFolder(this.fs, this.root, segments.slice(0, -1), shown, create)
    if (!dir.ok) return dir
    const file = path.join(dir.value, segments[segments.length - 1])
    try {
      const stats = await lstatOrNull(this.fs, file)
      if (stats === null || stats.isFile()) return ok({ dir: dir.value, file, stats })
      if (!stats.isSymbolicLink()) return fail('INVALID_PATH', notRegularMessage(shown, stats), { path: shown })
      const real = await this.fs.realpath(file)
      if (!isInside(this.root, real)) return fail('INVALID_PATH', `"${shown}" leads outside the folder through a symbolic link.`, { path: shown })
      const target = await this.fs.lstat(real)
      if (!target.isFile()) return fail('INVALID_PATH', notRegularMessage(shown, target), { path: shown })
      return ok({ dir: path.dirname(real), file: real, stats: target })
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return fail('NOT_FOUND', `"${shown}" is a link to nothing.`, { path: shown })
      return errnoToResult(error, 'save', shown)
    }
  }

  /** Reads the file at an absolute path (proven inside the root after opening); null when absent. */
  private async readAt(file: string, shown: string, followLinks: boolean): Promise<Result<{ file: StoredFile; stats: FsStats } | null>> {
    const held = await this.openAndRead(file, shown, followLinks)
    if (!held.ok || held.value === null) return held
    // NOTE: closing a handle opened for reading cannot lose data.
    await held.value.handle.close().catch(() => undefined)
    return ok({ file: held.value.file, stats: held.value.stats })
  }

  /** readAt, keeping the file open (the caller closes `handle`): a save checks the same file again before its rename. */
  private async openAndRead(file: string, shown: string, followLinks: boolean): Promise<Result<HeldFile | null>> {
    const opened = await openConfined(this.fs, this.root, file, shown, followLinks)
    if (!opened.ok) return opened.error.code === 'NOT_FOUND' ? ok(null) : opened
    const { handle, stats } = opened.value
    let isKept = false
    try {
      if (stats.size > maxArticleBytes) return tooLarge(shown)
      const bytes = await readAll(handle, stats.size, maxArticleBytes)
      if (bytes.byteLength > maxArticleBytes) return tooLarge(shown)
      const version = { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs: stats.mtimeMs }
      isKept = true
      return ok({ file: { bytes, version, isWritable: isWritableMode(stats) }, stats, handle })
    } catch (error) {
      return errnoToResult(error, 'read', shown)
    } finally {
      // NOTE: closing a handle opened for reading cannot lose data.
      if (!isKept) await handle.close().catch(() => undefined)
    }
  }

  /**
   * True when the file at `file` is still what the save read: the same bytes, read again through the handle held
   * since, and then the name still leading to that same file (dev/ino, not a link); or still nothing, when there was
   * nothing. NOTE: this replaced a second confined open of the path (lstat, open, fstat, /proc readlink, read,
   * close): the held handle is already proven inside the root. The name is looked at after the bytes, so a file
   * replaced by a rename while they were read is seen; a change after both is in the window no check closes.
   */
  private async isUnchanged(file: string, held: HeldFile | null): Promise<boolean> {
    if (held === null) return (await lstatOrNull(this.fs, file)) === null
    const bytes = await readAll(held.handle, held.stats.size, maxArticleBytes)
    // NOTE: compared with the bytes read before (the same answer as their hashes, without hashing them again).
    if (!sameBytes(bytes, held.file.bytes)) return false
    const now = await lstatOrNull(this.fs, file)
    return now !== null && !now.isSymbolicLink() && now.dev === held.stats.dev && now.ino === held.stats.ino
  }

  private async writeNow(at: Located, shown: string, given: Uint8Array | MakeBytes, options: StoreWriteOptions): Promise<Result<StoreWriteResult>> {
    const current = await this.openAndRead(at.file, shown, false)
    if (!current.ok) return current
    const onDisk = current.value
    let isClosed = false
    // NOTE: closing a handle opened for reading cannot lose data.
    const closeHeld = async (): Promise<void> => {
      if (onDisk === null || isClosed) return
      isClosed = true
      await onDisk.handle.close().catch(() => undefined)
    }
    try {
      if (onDisk !== null && options.force !== true && onDisk.file.version.hash !== options.baseHash) {
        return fail('CONFLICT', `"${shown}" changed on disk since it was opened; nothing was written.`, { path: shown })
      }
      const made = given instanceof Uint8Array ? ok(given) : given(onDisk === null ? null : onDisk.file)
      if (!made.ok) return made
      const bytes = made.value
      if (bytes.byteLength > maxArticleBytes) return tooLarge(shown)
      if (onDisk !== null && sameBytes(onDisk.file.bytes, bytes)) return ok({ version: onDisk.file.version, written: false })
      if (onDisk !== null && !onDisk.file.isWritable && options.makeWritable !== true) {
        return fail('READ_ONLY', `"${shown}" is read-only (its permissions do not allow writing); nothing was written.`, { path: shown })
      }
      const mode = onDisk === null ? undefined : (onDisk.stats.mode & 0o7777) | (options.makeWritable === true ? 0o200 : 0)
      // NOTE: the check that the file is unchanged, right before the rename (beside the fsync, see writeTemp): another
      // program may have written while the temp file was being written; that is a CONFLICT too, never overwritten.
      const check = options.force === true ? undefined : () => this.isUnchanged(at.file, onDisk)
      const temp = await this.writeTemp(at.dir, shown, bytes, mode === undefined ? undefined : { mode, uid: onDisk?.stats.uid ?? 0, gid: onDisk?.stats.gid ?? 0 }, check)
      if (!temp.ok) return temp
      if (!temp.value.isBesideOk) {
        await removeQuietly(this.fs, temp.value.path)
        return fail('CONFLICT', `"${shown}" changed on disk while it was being saved; nothing was written.`, { path: shown })
      }
      // NOTE: closed before the rename: Windows may refuse to replace a file that is open.
      await closeHeld()
      try {
        await renameWithRetry(this.fs, temp.value.path, at.file, 5, this.options.retryDelayMs ?? 40)
      } catch (error) {
        await removeQuietly(this.fs, temp.value.path)
        return errnoToResult(error, 'save', shown)
      }
      await syncFolder(this.fs, at.dir)
      return ok({ version: temp.value.version, written: true })
    } finally {
      await closeHeld()
    }
  }

  /**
   * Writes `bytes` to a new temp file in the real folder `dir`, fsynced, with the original's mode and owner, and
   * proves after creating it that it is really in `dir` (a folder swapped for a link meanwhile is caught).
   */
  /**
   * NOTE: `beside` (a save's check that its file is unchanged, which must come before the rename) runs beside the
   * fsync and its answer is returned as `isBesideOk`: the fsync is the one slow step, and one at a time the save cost
   * several times a plain atomic write (bench/save.bench.mjs). A write landing between the check and the rename is as
   * possible as before; the window is the fsync's length longer.
   */
  private async writeTemp(dir: string, shown: string, bytes: Uint8Array, keep: { mode: number; uid: number; gid: number } | undefined, beside?: () => Promise<boolean>): Promise<Result<{ path: string; version: FileVersion; isBesideOk: boolean }>> {
    const temp = tempPathIn(dir)
    let handle: FsHandle | undefined
    let isCreated = false
    try {
      handle = await this.fs.open(temp, 'wx', keep?.mode ?? 0o666)
      isCreated = true
      const made = handle
      // NOTE: the fd's stat only when the proof needs it (not with /proc): one call less per save.
      const where = await openedPath(this.fs, handle, () => made.stat(), temp, this.root)
      if (where !== temp) {
        await handle.close()
        handle = undefined
        isCreated = false
        // NOTE: the folder was swapped for a link while the temp file was made: it went where the link leads. It is
        // removed by the path the kernel reported, which is where it really is (its random name is ours alone).
        await removeQuietly(this.fs, where ?? temp)
        return fail('INVALID_PATH', `The folder of "${shown}" changed while saving (a symbolic link?); nothing was written.`, { path: shown })
      }
      await handle.write(bytes)
      // NOTE: settled all, so no step is still running on a handle when an error closes it.
      const [synced, stated, checked] = await Promise.allSettled([handle.sync(), handle.stat(), beside?.() ?? Promise.resolve(true)])
      if (synced.status === 'rejected') throw synced.reason
      if (stated.status === 'rejected') throw stated.reason
      if (checked.status === 'rejected') throw checked.reason
      const stats = stated.value
      // NOTE: open() applies the umask; fchmod restores the existing file's exact mode, on the fd (no path lookup),
      // when the umask took something away (fchmod and fchown change the ctime only, not the mtime of the version).
      if (keep !== undefined && (stats.mode & 0o7777) !== keep.mode) await handle.chmod(keep.mode)
      if (keep !== undefined) await keepOwner(handle, keep)
      const h = handle
      handle = undefined
      await h.close()
      return ok({ path: temp, version: { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs: stats.mtimeMs }, isBesideOk: checked.value })
    } catch (error) {
      // NOTE: a close failure here would only hide the error that matters, returned below.
      if (handle !== undefined) await handle.close().catch(() => undefined)
      if (isCreated) await removeQuietly(this.fs, temp)
      return errnoToResult(error, 'save', shown)
    }
  }
}

/** Gives the temp file the original's owner when it differs from ours (only root may; a refusal is not a failure). */
async function keepOwner(handle: FsHandle, owner: { uid: number; gid: number }): Promise<void> {
  if (process.getuid === undefined || process.getgid === undefined) return
  if (owner.uid === process.getuid() && owner.gid === process.getgid()) return
  try {
    await handle.chown(owner.uid, owner.gid)
  } catch (error) {
    // NOTE: like write-file-atomic, a refused chown (EPERM for non-root) is not a reason to fail the save.
    if (errnoCode(error) === undefined) throw error
  }
}
