import fs from 'node:fs'
import { ok, type Result } from '@shared/result'
import { errnoCode, errnoToResult } from '../errno'
import { mayHaveHugoConfig } from '../hugo-config-files'
import { entryKind, type ArticleScope } from '../store/entry-rules'
import { absOf } from './scan-read'
import { lstatOrNull } from './stamp-check'

// The one-off search's folder walk (the scan's listing and the saved search index's): the listing's rules
// (entryKind, the site's article scope), synchronous, in chunks so worker threads can start on the first.

/** One folder as listed (relative, '' for the root): the mtime and ctime it had before its entries were read. */
export type DirRow = [path: string, mtimeMs: number, ctimeMs: number]

/**
 * The article scope of `root` (see FolderSiteRules.articleScope). NOTE: the config parsers (hugo-site, a large
 * chunk) are loaded only when something sits where a config may be: most folders searched have none.
 */
export async function articleScopeOf(root: string): Promise<ArticleScope> {
  if (!mayHaveHugoConfig(root)) return null
  return (await import('../hugo-site')).siteRulesForFolderSync(root).articleScope
}

/**
 * Walks the folder `from` ('' for the root) of `root`, handing the articles found (relative `/` paths) to `take` in
 * chunks of at least `chunkSize` (the last one smaller). With `dirs`, each folder's stamp is recorded, taken before its
 * entries are read (so a change made meanwhile shows as a change next time), and a folder that is no plain folder
 * then (a link swapped in) is left out. A subfolder that vanished or cannot be read is skipped; fails only when
 * `from` is the root and it cannot be listed.
 */
export function walkArticles(root: string, from: string, scope: ArticleScope, take: (paths: string[]) => void, dirs: DirRow[] | null = null, chunkSize = 256): Result<void> {
  const pending = [from]
  let found: string[] = []
  while (pending.length > 0) {
    const dir = pending.pop() as string
    const abs = dir === '' ? root : absOf(root, dir)
    let stats: fs.Stats | null = null
    if (dirs !== null) {
      stats = lstatOrNull(abs)
      if (stats === null || !stats.isDirectory()) continue
    }
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true })
    } catch (error) {
      if (errnoCode(error) === undefined) throw error
      if (dir === '' && from === '') return errnoToResult(error, 'list the folder', root)
      // NOTE: a subfolder that vanished or cannot be read is skipped, as every listing does.
      continue
    }
    if (dirs !== null && stats !== null) dirs.push([dir, stats.mtimeMs, stats.ctimeMs])
    for (const entry of entries) {
      const child = dir === '' ? entry.name : `${dir}/${entry.name}`
      const kind = entryKind(entry, child, scope)
      if (kind === 'folder') pending.push(child)
      else if (kind === 'article') found.push(child)
    }
    if (found.length >= chunkSize) {
      take(found)
      found = []
    }
  }
  if (found.length > 0) take(found)
  return ok(undefined)
}
