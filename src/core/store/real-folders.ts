import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from '../errno'
import type { FsPort, FsStats } from '../fs-port'
import { isInside } from '../path-rules'

/**
 * The real path of the folder `segments` names under `root` (each part a folder, or a link to a folder inside the
 * root). With `create`, missing parts are made one at a time, each checked to be a real folder after it is made.
 * NOT_FOUND when a part is missing (and not created), INVALID_PATH when a part is a file or leads outside.
 */
export async function realFolder(fs: FsPort, root: string, segments: string[], shown: string, create: boolean): Promise<Result<string>> {
  let current = root
  for (const segment of segments) {
    const next = path.join(current, segment)
    try {
      let stats = await lstatOrNull(fs, next)
      if (stats === null) {
        if (!create) return fail('NOT_FOUND', `Could not find the folder of "${shown}": it does not exist.`, { path: shown })
        await fs.mkdir(next)
        stats = await fs.lstat(next)
      }
      if (stats.isSymbolicLink()) {
        const real = await fs.realpath(next)
        if (!isInside(root, real)) return fail('INVALID_PATH', `"${shown}" leads outside the folder through a symbolic link.`, { path: shown })
        if (!(await fs.stat(real)).isDirectory()) return fail('INVALID_PATH', `A part of "${shown}" is not a folder.`, { path: shown })
        current = real
      } else if (stats.isDirectory()) {
        current = next
      } else {
        return fail('INVALID_PATH', `A part of "${shown}" is not a folder.`, { path: shown })
      }
    } catch (error) {
      return errnoToResult(error, 'reach the folder of', shown)
    }
  }
  return ok(current)
}

/** lstat, or null when nothing is at `p`. */
export async function lstatOrNull(fs: FsPort, p: string): Promise<FsStats | null> {
  try {
    return await fs.lstat(p)
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw error
  }
}
