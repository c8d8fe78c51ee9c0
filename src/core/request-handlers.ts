import type { FolderInfo, RequestHandlers } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { isSafeExternalUrl } from '@shared/external-url'
import type { FolderSession } from './folder-session'
import { expectArgCount, validateIndexPage, validateWriteRequest } from './validate'
import { exportFromFolder, validateExportRequest, type ExportHost } from './export/index'
import { validateJournalWrite, type JournalStore } from './journal/index'
import { createGitHandlers } from './git/git-handlers'
import { createComfortHandlers } from './comfort-handlers'
import { createFolderHandlers, type FolderHandlerHost } from './host/folder-handlers'
import { createAuthoringHandlers } from './authoring/authoring-handlers'
import type { Trasher } from './store'

/** What the handlers need from their host (the Electron main process or `folio serve`). */
export interface HandlerHost extends FolderHandlerHost {
  /** The open folder, or null when none is open. */
  session(): FolderSession | null
  /** Lets the user choose a folder (desktop) or fails with UNSUPPORTED (browser mode); null when cancelled. */
  pickFolder(): Promise<Result<FolderInfo | null>>
  /** Opens a checked http(s) URL in the system browser; openExternal fails with UNSUPPORTED when absent (browser mode). */
  openExternal?: (url: string) => Promise<Result<null>>
  /** How exports are delivered (save dialog or download, PDF engine, progress); a download host when absent. */
  exportHost?: ExportHost
  /** Where unsaved edits are journaled (the app's state folder); the journal methods fail with UNSUPPORTED when absent. */
  journal?: JournalStore
  /** Desktop: closes the window the renderer was asked about (see the `close-requested` event); absent in browser mode. */
  closeWindow?: () => void
  /** The user's state folder (settings, folder state, replace journal); the journal's folder when absent. */
  stateDir?: string
  /** Where deleted articles go: Electron's shell.trashItem on the desktop; the `trash` package when absent. */
  trasher?: Trasher
}

const maxQueryLength = 1000
const maxSearchLimit = 5000

const noFolder = <T>(): Result<T> => fail('NOT_FOUND', 'No folder is open.')
const noJournal = <T>(): Result<T> => fail('UNSUPPORTED', 'This host keeps no journal of unsaved edits.')

/**
 * The one request-handler table used by Electron IPC and the HTTP server. Every handler takes untrusted arguments,
 * validates them and resolves to a Result; it rejects only on a bug.
 */
export function createRequestHandlers(host: HandlerHost): RequestHandlers {
  const exportHost = host.exportHost
  return {
    getFolder(...args) {
      const count = expectArgCount(args, 0, 'getFolder')
      return Promise.resolve(count.ok ? ok(host.session()?.info() ?? null) : count)
    },
    async openFolder(...args) {
      const count = expectArgCount(args, 0, 'openFolder')
      if (!count.ok) return count
      return host.pickFolder()
    },
    async listArticles(...args) {
      const count = expectArgCount(args, 0, 'listArticles')
      if (!count.ok) return count
      const session = host.session()
      return session === null ? noFolder() : session.listArticles()
    },
    async readArticle(...args) {
      const count = expectArgCount(args, 1, 'readArticle')
      if (!count.ok) return count
      if (typeof args[0] !== 'string') return fail('INVALID_ARGUMENT', 'readArticle takes a path string.')
      const session = host.session()
      return session === null ? noFolder() : session.readArticle(args[0])
    },
    async writeArticle(...args) {
      const count = expectArgCount(args, 1, 'writeArticle')
      if (!count.ok) return count
      const request = validateWriteRequest(args[0])
      if (!request.ok) return request
      const session = host.session()
      return session === null ? noFolder() : session.writeArticle(request.value)
    },
    getArticleIndex(...args) {
      if (args.length > 1) return Promise.resolve(fail('INVALID_ARGUMENT', `getArticleIndex takes 0 or 1 argument(s), got ${args.length}.`))
      const page = args.length === 0 ? ok(undefined) : validateIndexPage(args[0])
      if (!page.ok) return Promise.resolve(page)
      const session = host.session()
      return Promise.resolve(session === null ? noFolder() : session.articleIndex(page.value))
    },
    async searchArticles(...args) {
      if (args.length !== 1 && args.length !== 2) return fail('INVALID_ARGUMENT', `searchArticles takes 1 or 2 argument(s), got ${args.length}.`)
      const [query, limit] = args
      if (typeof query !== 'string' || query.length > maxQueryLength) return fail('INVALID_ARGUMENT', `searchArticles takes a query string of at most ${maxQueryLength} characters.`)
      if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maxSearchLimit)) {
        return fail('INVALID_ARGUMENT', `The search limit must be a whole number from 1 to ${maxSearchLimit}.`)
      }
      const session = host.session()
      return session === null ? noFolder() : session.searchArticles(query, limit)
    },
    async openExternal(...args) {
      const count = expectArgCount(args, 1, 'openExternal')
      if (!count.ok) return count
      if (!isSafeExternalUrl(args[0])) return fail('INVALID_ARGUMENT', 'openExternal takes an http(s) URL without credentials.')
      return host.openExternal ? host.openExternal(args[0]) : fail('UNSUPPORTED', 'This host cannot open links in the system browser.')
    },
    async exportArticles(...args) {
      const count = expectArgCount(args, 1, 'exportArticles')
      if (!count.ok) return count
      const request = validateExportRequest(args[0])
      if (!request.ok) return request
      const session = host.session()
      if (exportHost === undefined) return fail('UNSUPPORTED', 'Export is not available in this host.')
      return session === null ? noFolder() : exportFromFolder(session.root, request.value, exportHost, session.store)
    },
    cancelExport(...args) {
      const count = expectArgCount(args, 1, 'cancelExport')
      if (!count.ok) return Promise.resolve(count)
      if (typeof args[0] !== 'string') return Promise.resolve(fail('INVALID_ARGUMENT', 'cancelExport takes a jobId string.'))
      return Promise.resolve(ok(exportHost?.jobs.cancel(args[0]) ?? false))
    },
    async getFolderSchema(...args) {
      const count = expectArgCount(args, 0, 'getFolderSchema')
      if (!count.ok) return count
      const session = host.session()
      return session === null ? noFolder() : session.folderSchema()
    },
    async writeJournal(...args) {
      const count = expectArgCount(args, 1, 'writeJournal')
      if (!count.ok) return count
      const request = validateJournalWrite(args[0])
      if (!request.ok) return request
      const session = host.session()
      if (session === null) return noFolder()
      return host.journal ? host.journal.write(session.info().root, request.value) : noJournal()
    },
    async clearJournal(...args) {
      const count = expectArgCount(args, 1, 'clearJournal')
      if (!count.ok) return count
      if (typeof args[0] !== 'string') return fail('INVALID_ARGUMENT', 'clearJournal takes a path string.')
      const session = host.session()
      if (session === null) return noFolder()
      return host.journal ? host.journal.clear(session.info().root, args[0]) : noJournal()
    },
    async listJournal(...args) {
      const count = expectArgCount(args, 0, 'listJournal')
      if (!count.ok) return count
      const session = host.session()
      if (session === null) return noFolder()
      return host.journal ? host.journal.list(session.info().root) : ok([])
    },
    confirmClose(...args) {
      const count = expectArgCount(args, 0, 'confirmClose')
      if (!count.ok) return Promise.resolve(count)
      if (!host.closeWindow) return Promise.resolve(fail('UNSUPPORTED', 'Only the desktop app closes its window.'))
      host.closeWindow()
      return Promise.resolve(ok(undefined))
    },
    ...createGitHandlers(host),
    ...createComfortHandlers(host),
    ...createFolderHandlers(host),
    ...createAuthoringHandlers(host),
  }
}
