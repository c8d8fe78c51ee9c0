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
 * The walk of walkArticles one step at a time: each step lists at most one folder and yields a chunk of articles once
 * it has `chunkSize` of them (else nothing yet: an empty list); its return value is the walk's outcome. NOTE: so a
 * scan in the host's thread can walk a large folder a little at a time (see ResumableScan) with the same rules.
 */
export function* articleWalk(root: string, from: string, scope: ArticleScope, dirs: DirRow[] | null = null, chunkSize = 256): Generator<string[], Result<void>, undefined> {
  // NOTE: a stack of what is still to be handed over, next on top: a folder as its path and a '/', a file as its
  // path. A folder's entries are sorted by that key, so the files come out sorted by their whole path ('a.md' before
  // the folder 'a', whose files start 'a/').
  const pending = [`${from}/`]
  let found: string[] = []
  while (pending.length > 0) {
    const item = pending.pop() as string
    if (!item.endsWith('/')) {
      found.push(item)
      if (found.length >= chunkSize) {
        yield found
        found = []
      }
      continue
    }
    const dir = item.slice(0, -1)
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
    const kept: string[] = []
    for (const entry of entries) {
      const child = dir === '' ? entry.name : `${dir}/${entry.name}`
      const kind = entryKind(entry, child, scope)
      if (kind === 'folder') kept.push(`${child}/`)
      else if (kind === 'article') kept.push(child)
    }
    // NOTE: the default sort compares UTF-16 code units, as compareRanked does; reversed onto the stack.
    kept.sort()
    for (let i = kept.length - 1; i >= 0; i--) pending.push(kept[i])
    yield []
  }
  if (found.length > 0) yield found
  return ok(undefined)
}

/**
 * Walks the folder `from` ('' for the root) of `root`, handing the articles found (relative `/` paths) to `take` in
 * chunks of at least `chunkSize` (the last one smaller), in the search's path order (see compareRanked). With `dirs`,
 * each folder's stamp is recorded, taken before its entries are read (so a change made meanwhile shows as a change
 * next time), and a folder that is no plain folder then (a link swapped in) is left out. A subfolder that vanished or
 * cannot be read is skipped; fails only when `from` is the root and it cannot be listed.
 * NOTE: in path order, a scan that has its best hits (title hits first, then by path) needs no title of any later
 * match: a common word's search then works out a few hundred titles, not one per matching file.
 */
export function walkArticles(root: string, from: string, scope: ArticleScope, take: (paths: string[]) => void, dirs: DirRow[] | null = null, chunkSize = 256): Result<void> {
  const walk = articleWalk(root, from, scope, dirs, chunkSize)
  for (;;) {
    const step = walk.next()
    if (step.done === true) return step.value
    if (step.value.length > 0) take(step.value)
  }
}
