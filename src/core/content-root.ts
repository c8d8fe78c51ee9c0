import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from './errno'
import { nodeFs, type FsPort } from './fs-port'
import { isInside, splitRelativePath, toApiPath } from './path-rules'

/** The opened content folder: every relative path from outside is resolved here, confined to the real root. */
export class ContentRoot {
  private constructor(
    /** The folder's absolute real path. */
    readonly root: string,
    private readonly fs: FsPort,
  ) {}

  /** Opens `dir` (resolved to its real path); fails with NOT_FOUND or INVALID_PATH when it is not a folder. */
  static async open(dir: string, fs: FsPort = nodeFs): Promise<Result<ContentRoot>> {
    const absolute = path.resolve(dir)
    try {
      const real = await fs.realpath(absolute)
      const stats = await fs.stat(real)
      if (!stats.isDirectory()) return fail('INVALID_PATH', `"${absolute}" is not a folder.`, { path: absolute })
      return ok(new ContentRoot(real, fs))
    } catch (error) {
      return errnoToResult(error, 'open the folder', absolute)
    }
  }

  /**
   * Resolves an untrusted relative path (`/` separators) to an absolute path inside the root. Refuses non-strings,
   * absolute, drive and UNC paths, `..`, backslashes, NUL, and symlinks that lead outside (checked on real paths of
   * the target, or of its nearest existing parent when it does not exist yet).
   */
  async resolve(relPath: unknown): Promise<Result<string>> {
    const segments = splitRelativePath(relPath)
    if (!segments.ok) return segments
    const absolute = path.join(this.root, ...segments.value)
    if (!isInside(this.root, absolute)) return fail('INVALID_PATH', `The path "${String(relPath)}" leaves the folder.`)
    const real = await this.nearestRealPath(absolute)
    if (!real.ok) return real
    if (!isInside(this.root, real.value)) {
      return fail('INVALID_PATH', `The path "${String(relPath)}" leads outside the folder through a symbolic link.`, { path: String(relPath) })
    }
    return ok(absolute)
  }

  /** The API form (relative, `/` separators) of an absolute path inside the root. */
  relative(absPath: string): string {
    return toApiPath(this.root, absPath)
  }

  /** The real path of `absolute`, or of its nearest existing ancestor (a file that is about to be created). */
  private async nearestRealPath(absolute: string): Promise<Result<string>> {
    let current = absolute
    for (;;) {
      try {
        return ok(await this.fs.realpath(current))
      } catch (error) {
        const code = errnoCode(error)
        const parent = path.dirname(current)
        if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) return errnoToResult(error, 'resolve', toApiPath(this.root, absolute))
        current = parent
      }
    }
  }
}
