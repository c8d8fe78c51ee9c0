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
 * What a listing keeps of one folder entry: a subfolder to walk, an article, or nothing. Links are neither (never
 * followed, as at start-up); FIFOs, sockets and devices are not files. The one rule every listing shares.
 */
export function entryKind(entry: FsDirent, child: string): 'folder' | 'article' | null {
  if (entry.isDirectory()) return isSkippedFolder(child) ? null : 'folder'
  if (entry.isFile() && isArticleName(entry.name) && !entry.name.includes('\\')) return 'article'
  return null
}
