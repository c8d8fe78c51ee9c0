import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from './errno'
import { nodeFs, type FsHandle, type FsPort } from './fs-port'

/** Options of writeFileAtomic; all optional. */
export interface AtomicWriteOptions {
  /** The file-system port (tests inject faults through it). */
  fs?: FsPort
  /** Mode for a new file; an existing file keeps its own mode. Default 0o666 (minus umask). */
  mode?: number
  /** How many times a rename refused with EPERM/EBUSY/EACCES is retried (Windows locks). Default 5. */
  renameRetries?: number
  /** Delay before the first rename retry in ms; doubles each time. Default 40. */
  retryDelayMs?: number
  /** The name used in error messages (e.g. the article's relative path). Default: the absolute path. */
  displayPath?: string
  /**
   * Called after the temp file is durable and just before the rename; a failure (e.g. CONFLICT: the file changed
   * meanwhile) cancels the write, removes the temp file and is returned as is.
   */
  beforeRename?: () => Promise<Result<void>>
}

/** Prefix of the temporary files writeFileAtomic leaves only if the process dies mid-write. */
export const tempPrefix = '.folio-tmp-'

/**
 * A new temp file's path in `dir`: the prefix and 12 random hex digits (48 bits; opened with O_EXCL, so a name taken
 * meanwhile fails rather than being reused). NOTE: from randomUUID, which draws from a cached batch of random bytes:
 * randomBytes(6) asked the system for them on every save (~20 µs a save, profiled on tmpfs).
 */
export function tempPathIn(dir: string): string {
  return path.join(dir, tempPrefix + randomUUID().replaceAll('-', '').slice(0, 12))
}

const retriedCodes = new Set(['EPERM', 'EBUSY', 'EACCES'])
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Where to write: the real path when `absPath` exists (so a symlink survives), else `absPath` itself. */
async function resolveTarget(fs: FsPort, absPath: string): Promise<{ target: string; mode?: number; owner?: { uid: number; gid: number } }> {
  try {
    const target = await fs.realpath(absPath)
    const stats = await fs.stat(target)
    return { target, mode: stats.mode & 0o7777, owner: { uid: stats.uid, gid: stats.gid } }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { target: absPath }
    throw error
  }
}

/** Renames, retrying a few times when Windows refuses because another program holds the file. */
export async function renameWithRetry(fs: FsPort, from: string, to: string, retries: number, delayMs: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const code = errnoCode(error)
      if (attempt >= retries || code === undefined || !retriedCodes.has(code)) throw error
      await sleep(delayMs * 2 ** attempt)
    }
  }
}

/** fsync the folder so the rename itself is durable (POSIX only; Windows cannot open folders). */
export async function syncFolder(fs: FsPort, dir: string): Promise<void> {
  if (process.platform === 'win32') return
  let handle: FsHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (error) {
    // NOTE: the rename already happened, so the new content is in place; some file systems refuse a folder fsync
    // (EINVAL, EISDIR). Reporting failure now would make the caller retry a write that succeeded.
    if (errnoCode(error) === undefined) throw error
  } finally {
    // NOTE: closing a read-only folder handle cannot lose data; its failure is not worth reporting.
    await handle?.close().catch(() => undefined)
  }
}

/** Gives the temp file the original's owner when it differs from ours (only root may; others keep theirs). */
async function keepOwner(fs: FsPort, temp: string, owner: { uid: number; gid: number } | undefined): Promise<void> {
  if (owner === undefined || process.getuid === undefined || process.getgid === undefined) return
  if (owner.uid === process.getuid() && owner.gid === process.getgid()) return
  try {
    await fs.chown(temp, owner.uid, owner.gid)
  } catch (error) {
    // NOTE: like write-file-atomic, a refused chown (EPERM for non-root) is not a reason to fail the save.
    if (errnoCode(error) === undefined) throw error
  }
}

/** Removes a leftover temp file; an errno failure is ignored (the caller reports the error that matters). */
export async function removeQuietly(fs: FsPort, file: string): Promise<void> {
  try {
    await fs.unlink(file)
  } catch (error) {
    // NOTE: cleanup after a failure: the original error is what the caller needs; a leftover temp file is harmless.
    if (errnoCode(error) === undefined) throw error
  }
}

/**
 * Bytes handed over in pieces: the producer calls `write` for each chunk in order (awaiting it, so memory stays at
 * one chunk) and resolves to a failure to cancel the write. Used to stream exports of any size to disk.
 */
export type ChunkProducer = (write: (chunk: Uint8Array) => Promise<void>) => Promise<Result<void>>

/**
 * Writes `data` (bytes, or a ChunkProducer streaming them) to `absPath` so that the file is always wholly old or
 * wholly new: a temp file in the same folder, written, fsynced, given the existing file's mode (and owner, where
 * allowed), renamed over the real path, then the folder fsynced. On failure (or a producer's failure) the temp file is
 * removed, the original is untouched, and the error names the file and the cause.
 */
export async function writeFileAtomic(absPath: string, data: Uint8Array | ChunkProducer, options: AtomicWriteOptions = {}): Promise<Result<void>> {
  const fs = options.fs ?? nodeFs
  const display = options.displayPath ?? absPath
  let target: string
  let mode: number | undefined
  let owner: { uid: number; gid: number } | undefined
  try {
    ;({ target, mode, owner } = await resolveTarget(fs, absPath))
  } catch (error) {
    return errnoToResult(error, 'save', display)
  }
  const dir = path.dirname(target)
  const temp = tempPathIn(dir)
  let handle: FsHandle | undefined
  let isTempCreated = false
  try {
    handle = await fs.open(temp, 'wx', mode ?? options.mode ?? 0o666)
    isTempCreated = true
    const out = handle
    const produced = data instanceof Uint8Array ? await out.write(data).then(() => ok(undefined)) : await data((chunk) => out.write(chunk))
    if (!produced.ok) {
      handle = undefined
      // NOTE: the temp file is being thrown away; a close failure cannot lose anything.
      await out.close().catch(() => undefined)
      await removeQuietly(fs, temp)
      return produced
    }
    await handle.sync()
    const h = handle
    handle = undefined
    await h.close()
    // NOTE: open() applies the umask; chmod restores the existing file's exact mode.
    if (mode !== undefined) await fs.chmod(temp, mode)
    await keepOwner(fs, temp, owner)
    const check = options.beforeRename ? await options.beforeRename() : ok(undefined)
    if (!check.ok) {
      await removeQuietly(fs, temp)
      return check
    }
    await renameWithRetry(fs, temp, target, options.renameRetries ?? 5, options.retryDelayMs ?? 40)
  } catch (error) {
    // NOTE: a close failure here would only hide the error that matters, which is returned below.
    if (handle !== undefined) await handle.close().catch(() => undefined)
    if (isTempCreated) await removeQuietly(fs, temp)
    return errnoToResult(error, 'save', display)
  }
  await syncFolder(fs, dir)
  return ok(undefined)
}
