import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { errnoToResult } from '../errno'
import type { FsPort } from '../fs-port'
import { entryKind } from './entry-rules'

/**
 * Lists the articles under `root` (relative `/` paths, unordered) and hands them to `take` a folder at a time, so a
 * caller can start on the first while the rest is listed. A subfolder that vanished or cannot be read is skipped;
 * fails only when the root itself cannot be read.
 */
export async function listArticlesStreaming(fs: FsPort, root: string, take: (paths: string[]) => void): Promise<Result<void>> {
  const pending: string[] = ['']
  while (pending.length > 0) {
    const rel = pending.pop() as string
    let entries
    try {
      entries = await fs.readdir(rel === '' ? root : path.join(root, ...rel.split('/')))
    } catch (error) {
      if (rel === '') return errnoToResult(error, 'list the folder', root)
      // NOTE: a subfolder that vanished or cannot be read is skipped; the rest of the list is still useful.
      continue
    }
    const found: string[] = []
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`
      const kind = entryKind(entry, child)
      if (kind === 'folder') pending.push(child)
      else if (kind === 'article') found.push(child)
    }
    if (found.length > 0) take(found)
  }
  return ok(undefined)
}
