import { stat } from 'node:fs/promises'
import type { FolderInfo, RequestHandlers } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import type { ContentRoot } from '../content-root'
import { expectArgCount } from '../validate'
import { completeFolderPath } from './folder-completion'
import type { RecentFolders } from './recent-folders'

type FolderMethod = 'listRecentFolders' | 'openFolderAt' | 'forgetRecentFolder' | 'completeFolderPath' | 'revealArticle'

/** What the folder-list handlers need from their host. */
export interface FolderHandlerHost {
  /** The user's recent folders; absent: an empty list, and openFolderAt is UNSUPPORTED. */
  recent?: RecentFolders
  /** Opens an absolute folder path (the host's folder switching). */
  openFolderAt?: (dir: string) => Promise<Result<FolderInfo>>
  /** Browser mode: any readable folder may be opened and completed; desktop: only recent ones (the dialog picks new ones). */
  mayOpenAnyFolder?: boolean
  /** The open folder's root, which every revealed path is resolved in (confined; no `..` or symlink escapes). */
  session?(): { root: ContentRoot } | null
  /** Desktop: shows an absolute path in the system's file manager (Electron's shell.showItemInFolder); absent: UNSUPPORTED. */
  revealItem?: (absPath: string) => void
}

const maxPathLength = 4096

function checkedPath(value: unknown, method: string): Result<string> {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxPathLength || value.includes('\0')) {
    return fail('INVALID_ARGUMENT', `${method} takes a folder path of 1 to ${maxPathLength} characters.`)
  }
  return ok(value)
}

/** Handlers of the recent-folder list, opening a folder by path, and path completion for the browser mode's field. */
export function createFolderHandlers(host: FolderHandlerHost): Pick<RequestHandlers, FolderMethod> {
  return {
    async listRecentFolders(...args) {
      const count = expectArgCount(args, 0, 'listRecentFolders')
      if (!count.ok) return count
      return host.recent ? host.recent.list() : ok([])
    },
    async openFolderAt(...args) {
      const count = expectArgCount(args, 1, 'openFolderAt')
      if (!count.ok) return count
      const dir = checkedPath(args[0], 'openFolderAt')
      if (!dir.ok) return dir
      if (!host.openFolderAt || !host.recent) return fail('UNSUPPORTED', 'This host cannot open folders by path.')
      // NOTE: the desktop renderer is untrusted: it may reopen a folder the user chose before, never name a new one.
      if (!host.mayOpenAnyFolder && !(await host.recent.has(dir.value))) {
        return fail('PERMISSION', 'Only folders on the recent list open by path; choose others with Open Folder.', { path: dir.value })
      }
      return host.openFolderAt(dir.value)
    },
    async forgetRecentFolder(...args) {
      const count = expectArgCount(args, 1, 'forgetRecentFolder')
      if (!count.ok) return count
      const dir = checkedPath(args[0], 'forgetRecentFolder')
      if (!dir.ok) return dir
      return host.recent ? host.recent.forget(dir.value) : ok(undefined)
    },
    async completeFolderPath(...args) {
      const count = expectArgCount(args, 1, 'completeFolderPath')
      if (!count.ok) return count
      if (typeof args[0] !== 'string') return fail('INVALID_ARGUMENT', 'completeFolderPath takes a string.')
      if (!host.mayOpenAnyFolder) return fail('UNSUPPORTED', 'The desktop app chooses folders with the system dialog.')
      return completeFolderPath(args[0])
    },
    async revealArticle(...args) {
      const count = expectArgCount(args, 1, 'revealArticle')
      if (!count.ok) return count
      if (!host.revealItem) return fail('UNSUPPORTED', 'Only the desktop app can show files in the file manager.')
      const session = host.session?.() ?? null
      if (session === null) return fail('NOT_FOUND', 'No folder is open.')
      const resolved = await session.root.resolve(args[0])
      if (!resolved.ok) return resolved
      const exists = await stat(resolved.value).then(
        () => true,
        () => false, // NOTE: gone (or unreadable) since the list showed it: said plainly rather than opening a folder.
      )
      if (!exists) return fail('NOT_FOUND', `${String(args[0])} no longer exists.`, { path: String(args[0]) })
      host.revealItem(resolved.value)
      return ok(null)
    },
  }
}
