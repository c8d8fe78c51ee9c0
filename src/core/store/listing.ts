import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { errnoToResult } from '../errno'
import type { FsPort } from '../fs-port'
import { siteRulesForFolderSync } from '../hugo-site'
import { entryKind, type ArticleScope } from './entry-rules'

/**
 * Lists the articles under `root` (relative `/` paths, unordered) and hands them to `take` a folder at a time, so a
 * caller can start on the first while the rest is listed. A subfolder that vanished or cannot be read is skipped;
 * fails only when the root itself cannot be read. At a Hugo site root only its content folders are listed (`scope`).
 */
export async function listArticlesStreaming(fs: FsPort, root: string, take: (paths: string[]) => void, scope: ArticleScope = siteRulesForFolderSync(root).articleScope): Promise<Result<void>> {
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
      const kind = entryKind(entry, child, scope)
      if (kind === 'folder') pending.push(child)
      else if (kind === 'article') found.push(child)
    }
    if (found.length > 0) take(found)
  }
  return ok(undefined)
}
