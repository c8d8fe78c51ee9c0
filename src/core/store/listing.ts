import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { isArticleName, isSkippedFolder } from '../article-files'
import { errnoToResult } from '../errno'
import type { FsDirent, FsPort } from '../fs-port'

/**
 * What a listing keeps of one folder entry: a subfolder to walk, an article, or nothing. Links are neither (never
 * followed, as at start-up); FIFOs, sockets and devices are not files. The one rule every listing shares.
 */
export function entryKind(entry: FsDirent, child: string): 'folder' | 'article' | null {
  if (entry.isDirectory()) return isSkippedFolder(child) ? null : 'folder'
  if (entry.isFile() && isArticleName(entry.name) && !entry.name.includes('\\')) return 'article'
  return null
}

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
