import path from 'node:path'
import { isArticleName } from '@shared/article-names'
import { ok, type Result } from '@shared/result'
import { errnoToResult } from './errno'
import { nodeFs, type FsPort } from './fs-port'

// NOTE: `public` and `resources/_gen` are Hugo's output only at the site root; `content/public/` is a real section.
const skippedNames = new Set(['node_modules'])
const skippedPaths = new Set(['public', 'resources/_gen'])

export { isArticleName } from '@shared/article-names'

/** True when a folder (relative, `/` separators) is never walked or watched: dot-folders, node_modules, and the root's public and resources/_gen. */
export function isSkippedFolder(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return name.startsWith('.') || skippedNames.has(name) || skippedPaths.has(relPath)
}

/**
 * True when a relative file path (`/` or `\\` separators) lies in a folder the index skips (see isSkippedFolder), so
 * what the index never lists is never served either (assets in `.git/`, `node_modules/`, `public/`).
 */
export function isInSkippedFolder(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/).filter((part) => part !== '' && part !== '.')
  for (let i = 1; i < parts.length; i++) if (isSkippedFolder(parts.slice(0, i).join('/'))) return true
  return false
}

/**
 * The relative path of `name` inside folder `rel` ('' for the root), as one flat string. NOTE: V8 keeps a
 * concatenation as a tree of its parts (a "cons string") for as long as it lives; the paths an index or a cache keeps
 * for 50,000 articles cost several MB more that way. A property key is always flat.
 */
export function childPath(rel: string, name: string): string {
  if (rel === '') return name
  return Object.keys({ [`${rel}/${name}`]: 0 })[0] ?? `${rel}/${name}`
}

/**
 * Lists every article under `root` as relative `/` paths, sorted by code unit. Symbolic links are not followed
 * (a link could lead outside the root or loop). Fails only when the root itself cannot be read.
 */
export async function listArticleFiles(root: string, fs: FsPort = nodeFs): Promise<Result<string[]>> {
  const found: string[] = []
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
    for (const entry of entries) {
      const child = childPath(rel, entry.name)
      if (entry.isDirectory() && !isSkippedFolder(child)) pending.push(child)
      else if (entry.isFile() && isArticleName(entry.name) && !entry.name.includes('\\')) found.push(child)
    }
  }
  return ok(found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
}
