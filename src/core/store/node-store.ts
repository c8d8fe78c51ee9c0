import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { FileVersion } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { removeQuietly, renameWithRetry, syncFolder, tempPrefix } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'
import { hashBytes } from '../file-version'
import { nodeFs, type FsHandle, type FsPort, type FsStats } from '../fs-port'
import { isInside } from '../path-rules'
import { maxArticleBytes, type ArticleStore, type StoredFile, type StoreReadOptions, type StoreWriteOptions, type StoreWriteResult } from './article-store'
import { isWritableMode, notRegularMessage, openConfined, openedPath, readAll } from './confine'
import { listArticlesStreaming } from './listing'
import { lstatOrNull, realFolder } from './real-folders'
import { moveEntry, trashEntry } from './store-moves'
import { checkStorePath, type StorePathPolicy } from './store-paths'
import { nodeTrasher, type Trasher } from './trasher'
import { KeyedQueue, writeQueueKey } from './write-queue'

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

/** Where a file is, resolved to its real folder (a link to a file inside the root is followed, so the link survives a save). */
interface Located {
  dir: string
  file: string
  stats: FsStats | null
}

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

  async write(relPath: string, bytes: Uint8Array, options: StoreWriteOptions): Promise<Result<StoreWriteResult>> {
    const segments = checkStorePath(this.policy, relPath)
    if (!segments.ok) return segments
    if (bytes.byteLength > maxArticleBytes) return tooLarge(relPath)
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
    const opened = await openConfined(this.fs, this.root, file, shown, followLinks)
    if (!opened.ok) return opened.error.code === 'NOT_FOUND' ? ok(null) : opened
    const { handle, stats } = opened.value
    try {
      if (stats.size > maxArticleBytes) return tooLarge(shown)
      const bytes = await readAll(handle, stats.size, maxArticleBytes)
      if (bytes.byteLength > maxArticleBytes) return tooLarge(shown)
      const version = { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs: stats.mtimeMs }
      return ok({ file: { bytes, version, isWritable: isWritableMode(stats) }, stats })
    } catch (error) {
      return errnoToResult(error, 'read', shown)
    } finally {
      // NOTE: closing a handle opened for reading cannot lose data.
      await handle.close().catch(() => undefined)
    }
  }

  private async writeNow(at: Located, shown: string, bytes: Uint8Array, options: StoreWriteOptions): Promise<Result<StoreWriteResult>> {
    const current = await this.readAt(at.file, shown, false)
    if (!current.ok) return current
    const onDisk = current.value
    if (onDisk !== null && options.force !== true && onDisk.file.version.hash !== options.baseHash) {
      return fail('CONFLICT', `"${shown}" changed on disk since it was opened; nothing was written.`, { path: shown })
    }
    if (onDisk !== null && Buffer.from(onDisk.file.bytes).equals(Buffer.from(bytes))) return ok({ version: onDisk.file.version, written: false })
    if (onDisk !== null && !onDisk.file.isWritable && options.makeWritable !== true) {
      return fail('READ_ONLY', `"${shown}" is read-only (its permissions do not allow writing); nothing was written.`, { path: shown })
    }
    const mode = onDisk === null ? undefined : (onDisk.stats.mode & 0o7777) | (options.makeWritable === true ? 0o200 : 0)
    const temp = await this.writeTemp(at.dir, shown, bytes, mode === undefined ? undefined : { mode, uid: onDisk?.stats.uid ?? 0, gid: onDisk?.stats.gid ?? 0 })
    if (!temp.ok) return temp
    if (options.force !== true) {
      // NOTE: checked again right before the rename: another program may have written while the temp file was being
      // written and fsynced; that is a CONFLICT too, never silently overwritten.
      const now = await this.readAt(at.file, shown, false)
      const expected = onDisk?.file.version.hash ?? null
      const isSame = now.ok && (now.value?.file.version.hash ?? null) === expected
      if (!isSame) {
        await removeQuietly(this.fs, temp.value.path)
        return now.ok ? fail('CONFLICT', `"${shown}" changed on disk while it was being saved; nothing was written.`, { path: shown }) : now
      }
    }
    try {
      await renameWithRetry(this.fs, temp.value.path, at.file, 5, this.options.retryDelayMs ?? 40)
    } catch (error) {
      await removeQuietly(this.fs, temp.value.path)
      return errnoToResult(error, 'save', shown)
    }
    await syncFolder(this.fs, at.dir)
    return ok({ version: temp.value.version, written: true })
  }

  /**
   * Writes `bytes` to a new temp file in the real folder `dir`, fsynced, with the original's mode and owner, and
   * proves after creating it that it is really in `dir` (a folder swapped for a link meanwhile is caught).
   */
  private async writeTemp(dir: string, shown: string, bytes: Uint8Array, keep: { mode: number; uid: number; gid: number } | undefined): Promise<Result<{ path: string; version: FileVersion }>> {
    const temp = path.join(dir, tempPrefix + randomBytes(6).toString('hex'))
    let handle: FsHandle | undefined
    let isCreated = false
    try {
      handle = await this.fs.open(temp, 'wx', keep?.mode ?? 0o666)
      isCreated = true
      const where = await openedPath(this.fs, handle, await handle.stat(), temp, this.root)
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
      await handle.sync()
      // NOTE: open() applies the umask; fchmod restores the existing file's exact mode, on the fd (no path lookup).
      if (keep !== undefined) await handle.chmod(keep.mode)
      if (keep !== undefined) await keepOwner(handle, keep)
      const stats = await handle.stat()
      const h = handle
      handle = undefined
      await h.close()
      return ok({ path: temp, version: { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs: stats.mtimeMs } })
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
