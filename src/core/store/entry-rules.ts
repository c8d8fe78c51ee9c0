import { isArticleName } from '@shared/article-names'
import type { FsDirent } from '../fs-port'

// The one home of "which entries of a content folder are Folio's": every listing (store, index, CLI), the watcher,
// the path checks and the asset route call these. A leaf module (no import from core), so any of them may use it.

// NOTE: `public` and `resources/_gen` are Hugo's output only at the site root; `content/public/` is a real section.
const skippedNames = new Set(['node_modules'])
const skippedPaths = new Set(['public', 'resources/_gen'])

/** True when a folder (relative, `/` separators) is never walked or watched: dot-folders, node_modules, and the root's public and resources/_gen. */
export function isSkippedFolder(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return name.startsWith('.') || skippedNames.has(name) || skippedPaths.has(relPath)
}

/**
 * True when a relative path (`/` or `\\` separators) lies in a skipped folder (see isSkippedFolder): each folder
 * part is judged, and the last part too when `isFolder` (the path names a folder, not a file). What the listing
 * never walks is never read, written, watched or served either.
 */
export function isInSkippedFolder(relPath: string, isFolder = false): boolean {
  const parts = relPath.split(/[\\/]/).filter((part) => part !== '' && part !== '.')
  const folders = isFolder ? parts.length : parts.length - 1
  for (let i = 1; i <= folders; i++) if (isSkippedFolder(parts.slice(0, i).join('/'))) return true
  return false
}

/**
 * The folders (relative, `/` separators) that hold a Hugo site's pages when a site root is open, or null when every
 * article of the folder counts (see FolderSiteRules.articleScope, which decides it from the site config).
 */
export type ArticleScope = readonly string[] | null

const isUnder = (rel: string, dir: string): boolean => rel.length > dir.length && rel.startsWith(dir) && rel[dir.length] === '/'

/**
 * True when `rel` (`/` separators) is within `scope`: an article (or, with `isFolder`, a folder) inside one of the
 * content folders; a folder is also within it when a content folder lies below it (it must be walked to get there).
 */
export function isInScope(rel: string, scope: ArticleScope, isFolder = false): boolean {
  if (scope === null) return true
  for (const dir of scope) {
    if (isUnder(rel, dir)) return true
    if (isFolder && (rel === dir || isUnder(dir, rel))) return true
  }
  return false
}

/**
 * What a listing keeps of one folder entry: a subfolder to walk, an article, or nothing. Links are neither (never
 * followed, as at start-up); FIFOs, sockets and devices are not files; outside `scope` nothing is. The one rule every
 * listing shares.
 */
export function entryKind(entry: FsDirent, child: string, scope: ArticleScope = null): 'folder' | 'article' | null {
  if (entry.isDirectory()) return isSkippedFolder(child) || !isInScope(child, scope, true) ? null : 'folder'
  if (entry.isFile() && isArticleName(entry.name) && !entry.name.includes('\\') && isInScope(child, scope)) return 'article'
  return null
}
