import type { RequestHandlers } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { maxReplacePatternLength, type ReplaceQuery } from '@shared/replace/replace-text'
import type { ReplaceApplyRequest, ReplaceChoice } from '@shared/replace/replace-types'
import { listArticleFiles } from './article-files'
import type { FolderSession } from './folder-session'
import { applyReplace, previewReplace, type ReplaceStore } from './replace/folder-replace'
import { ReplaceJournalStore } from './replace/replace-journal'
import type { HandlerHost } from './request-handlers'
import { UserStateStore } from './user-state/user-state-store'
import { expectArgCount, isRecord, validateFileVersion } from './validate'

type ComfortMethods = 'previewReplace' | 'applyReplace' | 'getSettings' | 'saveSettings' | 'getFolderState' | 'saveFolderState'

const noFolder = <T>(): Result<T> => fail('NOT_FOUND', 'No folder is open.')
const noState = <T>(): Result<T> => fail('UNSUPPORTED', 'This host keeps no user state.')
// NOTE: a settings or folder-state payload is small; this bounds what an untrusted renderer can make the host store.
const maxStateJson = 256 * 1024
const maxChoices = 100_000

/** The article store of the open folder as the replace engine uses it (every read and write goes through the session). */
export function sessionReplaceStore(session: FolderSession): ReplaceStore {
  return {
    listPaths: () => listArticleFiles(session.root.root),
    readArticle: (path) => session.readArticle(path),
    writeArticle: (request) => session.writeArticle(request),
  }
}

/** Folder-wide replace, settings and folder state: the handlers of the writing-comfort part of the contract. */
export function createComfortHandlers(host: HandlerHost): Pick<RequestHandlers, ComfortMethods> {
  const stateDir = host.stateDir ?? host.journal?.dir
  const state = stateDir === undefined ? null : new UserStateStore(stateDir)
  const journals = stateDir === undefined ? null : new ReplaceJournalStore(stateDir)
  return {
    async previewReplace(...args) {
      const count = expectArgCount(args, 1, 'previewReplace')
      if (!count.ok) return count
      const query = validateReplaceQuery(args[0])
      if (!query.ok) return query
      const session = host.session()
      return session === null ? noFolder() : previewReplace(sessionReplaceStore(session), query.value)
    },
    async applyReplace(...args) {
      const count = expectArgCount(args, 1, 'applyReplace')
      if (!count.ok) return count
      const request = validateApplyRequest(args[0])
      if (!request.ok) return request
      const session = host.session()
      if (session === null) return noFolder()
      return applyReplace(sessionReplaceStore(session), request.value, journals?.forFolder(session.info().root) ?? null)
    },
    async getSettings(...args) {
      const count = expectArgCount(args, 0, 'getSettings')
      if (!count.ok) return count
      return state === null ? noState() : state.settings()
    },
    async saveSettings(...args) {
      const count = expectArgCount(args, 1, 'saveSettings')
      if (!count.ok) return count
      const size = checkSize(args[0], 'saveSettings')
      if (!size.ok) return size
      return state === null ? noState() : state.saveSettings(args[0])
    },
    async getFolderState(...args) {
      const count = expectArgCount(args, 0, 'getFolderState')
      if (!count.ok) return count
      const session = host.session()
      if (session === null) return noFolder()
      return state === null ? noState() : state.folderState(session.info().root)
    },
    async saveFolderState(...args) {
      const count = expectArgCount(args, 1, 'saveFolderState')
      if (!count.ok) return count
      const size = checkSize(args[0], 'saveFolderState')
      if (!size.ok) return size
      const session = host.session()
      if (session === null) return noFolder()
      return state === null ? noState() : state.saveFolderState(session.info().root, args[0])
    },
  }
}

function checkSize(value: unknown, method: string): Result<void> {
  if (!isRecord(value)) return fail('INVALID_ARGUMENT', `${method} takes an object.`)
  return JSON.stringify(value).length <= maxStateJson ? ok(undefined) : fail('INVALID_ARGUMENT', `${method}: the state is too large.`)
}

/** A replace query from untrusted input; INVALID_ARGUMENT naming what is wrong. */
export function validateReplaceQuery(value: unknown): Result<ReplaceQuery> {
  if (!isRecord(value)) return fail('INVALID_ARGUMENT', 'A replace query is an object.')
  const { find, replace, isRegex, isCaseSensitive, isWholeWord, scope } = value
  if (typeof find !== 'string' || typeof replace !== 'string' || find.length > maxReplacePatternLength || replace.length > maxReplacePatternLength) {
    return fail('INVALID_ARGUMENT', `find and replace are strings of at most ${maxReplacePatternLength} characters.`)
  }
  if (typeof isRegex !== 'boolean' || typeof isCaseSensitive !== 'boolean' || typeof isWholeWord !== 'boolean') return fail('INVALID_ARGUMENT', 'isRegex, isCaseSensitive and isWholeWord are booleans.')
  if (scope !== 'body' && scope !== 'front-matter' && scope !== 'all') return fail('INVALID_ARGUMENT', 'scope is body, front-matter or all.')
  return ok({ find, replace, isRegex, isCaseSensitive, isWholeWord, scope })
}

function validateApplyRequest(value: unknown): Result<ReplaceApplyRequest> {
  if (!isRecord(value)) return fail('INVALID_ARGUMENT', 'applyReplace takes an object.')
  const query = validateReplaceQuery(value.query)
  if (!query.ok) return query
  if (!Array.isArray(value.choices) || value.choices.length > maxChoices) return fail('INVALID_ARGUMENT', 'choices is a list of files.')
  const choices: ReplaceChoice[] = []
  for (const c of value.choices as unknown[]) {
    if (!isRecord(c) || typeof c.path !== 'string') return fail('INVALID_ARGUMENT', 'Each choice names a path.')
    const version = validateFileVersion(c.version)
    if (!version.ok) return version
    const changes = c.changes === 'all' ? 'all' : Array.isArray(c.changes) && c.changes.every((i) => Number.isInteger(i) && (i as number) >= 0) ? (c.changes as number[]) : null
    if (changes === null) return fail('INVALID_ARGUMENT', 'changes is "all" or a list of change indexes.')
    choices.push({ path: c.path, version: version.value, changes })
  }
  return ok({ query: query.value, choices })
}
