import fs from 'node:fs'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from '../errno'
import { decodeText } from '../file-codec'
import { nodeFs } from '../fs-port'
import { isInside } from '../path-rules'
import { notRegularMessage, openConfined, readAll } from './confine'
import { isProvenInside } from './sync-open'

/** A site file (a Hugo config) larger than this is refused, not read (bytes). */
export const maxSiteFileBytes = 2 * 1024 * 1024

/**
 * Read-only access to small text files (a Hugo site's config) under a root that may be the PARENT of the opened
 * folder (a site's `content/` opened on its own). It reads as the article store does: regular files only (a FIFO is
 * never opened), a link followed only when what was opened is proven inside the root after opening, at most
 * `maxBytes`, strict UTF-8. Never writes. Absent files are `null`; every other failure is a Result with a message
 * naming the file (`shown`): INVALID_PATH (not a regular file, a link leading outside), TOO_LARGE, ENCODING/BINARY
 * (with line and column), PERMISSION, IO. A synchronous twin serves index worker threads.
 */
export class ReadOnlyStore {
  private constructor(
    /** The root's real path. */
    readonly root: string,
    private readonly maxBytes: number,
  ) {}

  /** A store over `dir` (its real path); NOT_FOUND or PERMISSION when it cannot be resolved. */
  static async open(dir: string, maxBytes = maxSiteFileBytes): Promise<Result<ReadOnlyStore>> {
    try {
      return ok(new ReadOnlyStore(await fs.promises.realpath(dir), maxBytes))
    } catch (error) {
      return errnoToResult(error, 'open', dir)
    }
  }

  /** ReadOnlyStore.open, synchronously (for worker threads). */
  static openSync(dir: string, maxBytes = maxSiteFileBytes): Result<ReadOnlyStore> {
    try {
      return ok(new ReadOnlyStore(fs.realpathSync.native(dir), maxBytes))
    } catch (error) {
      if (errnoCode(error) === undefined) throw error
      return errnoToResult(error, 'open', dir)
    }
  }

  /** The text of `relPath` (`/` separators, inside the root), BOM removed and line breaks as LF; null when absent. */
  async readText(relPath: string, shown = relPath): Promise<Result<string | null>> {
    const abs = this.absolute(relPath, shown)
    if (!abs.ok) return abs
    const opened = await openConfined(nodeFs, this.root, abs.value, shown, true)
    if (!opened.ok) return opened.error.code === 'NOT_FOUND' ? ok(null) : opened
    const { handle, stats } = opened.value
    try {
      if (stats.size > this.maxBytes) return this.tooLarge(shown)
      const bytes = await readAll(handle, stats.size, this.maxBytes)
      return bytes.byteLength > this.maxBytes ? this.tooLarge(shown) : this.decode(bytes, shown)
    } catch (error) {
      return errnoToResult(error, 'read', shown)
    } finally {
      // NOTE: closing a handle opened for reading cannot lose data.
      await handle.close().catch(() => undefined)
    }
  }

  /** readText, synchronously: the same rules through one open, one fstat and the index's proof (isProvenInside). */
  readTextSync(relPath: string, shown = relPath): Result<string | null> {
    const abs = this.absolute(relPath, shown)
    if (!abs.ok) return abs
    let fd: number | null = null
    try {
      const link = fs.lstatSync(abs.value)
      const target = link.isSymbolicLink() ? fs.statSync(abs.value) : link
      if (!target.isFile()) return fail('INVALID_PATH', notRegularMessage(shown, target), { path: shown })
      // NOTE: O_NONBLOCK so a FIFO swapped in after the stat above never blocks; fstat then refuses it.
      fd = fs.openSync(abs.value, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
      const stats = fs.fstatSync(fd)
      if (!stats.isFile()) return fail('INVALID_PATH', notRegularMessage(shown, stats), { path: shown })
      if (!isProvenInside(fd, stats, abs.value, this.root)) return fail('INVALID_PATH', `"${shown}" leads outside the folder (through a symbolic link); Folio does not open it.`, { path: shown })
      if (stats.size > this.maxBytes) return this.tooLarge(shown)
      const buffer = Buffer.alloc(Math.min(stats.size, this.maxBytes) + 1)
      let filled = 0
      for (let n = -1; n !== 0 && filled < buffer.byteLength; filled += n) n = fs.readSync(fd, buffer, filled, buffer.byteLength - filled, filled)
      return filled > this.maxBytes ? this.tooLarge(shown) : this.decode(buffer.subarray(0, filled), shown)
    } catch (error) {
      const code = errnoCode(error)
      if (code === undefined) throw error
      if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null)
      return errnoToResult(error, 'read', shown)
    } finally {
      if (fd !== null) fs.closeSync(fd)
    }
  }

  private absolute(relPath: string, shown: string): Result<string> {
    const parts = relPath.split('/')
    if (relPath === '' || relPath.includes('\0') || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
      return fail('INVALID_PATH', `"${shown}" is not a path inside the folder.`, { path: shown })
    }
    const abs = path.join(this.root, ...parts)
    return isInside(this.root, abs) ? ok(abs) : fail('INVALID_PATH', `"${shown}" is not a path inside the folder.`, { path: shown })
  }

  private tooLarge(shown: string): Result<never> {
    return fail('TOO_LARGE', `"${shown}" is larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB; Folio does not read it.`, { path: shown })
  }

  private decode(bytes: Uint8Array, shown: string): Result<string> {
    const decoded = decodeText(bytes)
    if (!decoded.ok) return fail(decoded.error.code, `"${shown}": ${decoded.error.message}`, { path: shown })
    return ok(decoded.value.text)
  }
}
