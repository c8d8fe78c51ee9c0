import type { ArticleSummary, FileVersion, FolderEvent, FolderInfo, FolioApi, IndexPage, JournalEntry, JournalEntryStep, JournalWriteRequest, RecentFolder, WriteArticleRequest } from '@shared/api'
import { fail, ok } from '@shared/result'
import { parseFrontMatter } from '@shared/front-matter'
import { journalTextAfter } from '@shared/journal/journal-patch'
import { FakeGit } from '../../support/fake-git'
import { applyReplace, previewReplace } from '../../../src/core/replace/folder-replace'
import type { ReplaceQuery } from '@shared/replace/replace-text'
import type { ReplaceApplyRequest } from '@shared/replace/replace-types'
import { defaultSettings, emptyFolderState, readFolderState, readSettings, type FolderState, type UserSettings } from '@shared/user-state'

/**
 * An in-memory FolioApi over a map of LF texts, with the same CONFLICT rule as the real host. It passes the contract
 * suites the real host passes: reads and writes (tests/unit/core/store/article-api-contract.test.ts), the list and
 * its pages, journal, settings, folder state and Replace (tests/unit/core/folio-api-contract.test.ts), Git (FakeGit,
 * tests/unit/core/git/git-contract.test.ts). Methods answering UNSUPPORTED (authoring, search, export, schema) are not
 * faked.
 */
export class FakeApi implements FolioApi {
  readonly files = new Map<string, string>()
  readonly writes: WriteArticleRequest[] = []
  folder: FolderInfo | null = { root: '/tmp/site', name: 'site' }
  /** Files read-only by their permissions (as mode 0444): read-only with canMakeWritable; saved only with makeWritable. */
  readonly readOnlyByMode = new Set<string>()
  /** When set, the next write fails with this error code. */
  failNextWrite: { code: 'PERMISSION' | 'NO_SPACE'; message: string } | null = null
  private readonly listeners = new Set<(event: FolderEvent) => void>()

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text)
  }

  getFolder = () => Promise.resolve(ok(this.folder))
  openFolder = () => Promise.resolve(fail<FolderInfo | null>('UNSUPPORTED', 'Opening a folder is not available in the browser.'))

  listArticles = () => Promise.resolve(ok([...this.files.keys()].sort().map((path) => this.summary(path))))

  readArticle = (path: string) => {
    const text = this.files.get(path)
    if (text === undefined) return Promise.resolve(fail<never>('NOT_FOUND', 'no such file', { path }))
    return Promise.resolve(
      this.readOnlyByMode.has(path)
        ? ok({ path, text, format: { hasBom: false, eol: 'lf' as const }, version: versionOf(text), isReadOnly: true, readOnlyReason: 'its permissions do not allow writing', canMakeWritable: true })
        : ok({ path, text, format: { hasBom: false, eol: 'lf' as const }, version: versionOf(text), isReadOnly: path.endsWith('.ro.md'), readOnlyReason: 'invalid UTF-8' }),
    )
  }

  writeArticle = (request: WriteArticleRequest) => {
    this.writes.push(request)
    const current = this.files.get(request.path)
    if (this.failNextWrite) {
      const { code, message } = this.failNextWrite
      this.failNextWrite = null
      return Promise.resolve(fail<never>(code, message, { path: request.path }))
    }
    if (current !== undefined && !request.force && versionOf(current).hash !== request.baseVersion.hash) {
      return Promise.resolve(fail<never>('CONFLICT', 'the file changed on disk', { path: request.path }))
    }
    if (current === request.text) return Promise.resolve(ok({ version: versionOf(current), written: false }))
    if (this.readOnlyByMode.has(request.path) && request.makeWritable !== true) return Promise.resolve(fail<never>('READ_ONLY', 'the file is read-only', { path: request.path }))
    this.readOnlyByMode.delete(request.path)
    this.files.set(request.path, request.text)
    return Promise.resolve(ok({ version: versionOf(request.text), written: true }))
  }

  // NOTE: typed structurally so the fake keeps compiling while the contract grows (index and search).
  /** The pages asked of getArticleIndex, in order. */
  readonly indexPages: (IndexPage | undefined)[] = []

  getArticleIndex = async (page?: IndexPage) => {
    this.indexPages.push(page)
    const list = await this.listArticles()
    if (!list.ok) return list
    const sorted = [...list.value].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    const from = page?.after == null ? 0 : sorted.findIndex((a) => a.path > (page.after as string))
    const start = from === -1 ? sorted.length : from
    const end = page === undefined ? sorted.length : Math.min(sorted.length, start + page.limit)
    const nextAfter = end < sorted.length ? (sorted[end - 1]?.path ?? null) : null
    return ok({ articles: sorted.slice(start, end), done: sorted.length, total: sorted.length, isComplete: true, nextAfter })
  }

  searchArticles = () => Promise.resolve(fail<never>('UNSUPPORTED', 'search is not faked'))
  exportArticles = () => Promise.resolve(fail<never>('UNSUPPORTED', 'export is not faked'))
  cancelExport = () => Promise.resolve(fail<never>('UNSUPPORTED', 'export is not faked'))
  getFolderSchema = () => Promise.resolve(fail<never>('UNSUPPORTED', 'the folder schema is not faked'))
  // NOTE: the replace engine of core over this fake's own read and write, so the renderer drives the real rules.
  private readonly replaceStore = { listPaths: () => Promise.resolve(ok([...this.files.keys()].sort())), readArticle: (path: string) => this.readArticle(path), writeArticle: (request: WriteArticleRequest) => this.writeArticle(request) }
  previewReplace = (query: ReplaceQuery) => previewReplace(this.replaceStore, query)
  applyReplace = (request: ReplaceApplyRequest) => applyReplace(this.replaceStore, request, null)

  /** The user's settings and the folder's state, as the host's state folder would keep them. */
  settings: UserSettings = defaultSettings
  folderState: FolderState = emptyFolderState

  getSettings = () => Promise.resolve(ok(this.settings))
  saveSettings = (settings: UserSettings) => {
    this.settings = readSettings(settings)
    return Promise.resolve(ok(undefined))
  }
  getFolderState = () => Promise.resolve(ok(this.folderState))
  saveFolderState = (state: FolderState) => {
    this.folderState = readFolderState(state)
    return Promise.resolve(ok(undefined))
  }

  /** Git over the fake's files (not a repository until `git.commitAll()` or gitInit); see tests/support/fake-git.ts. */
  readonly git: FakeGit = new FakeGit(this.files, (event) => this.emit(event))
  gitStatus: FolioApi['gitStatus'] = () => this.git.gitStatus()
  gitInit: FolioApi['gitInit'] = () => this.git.gitInit()
  gitStage: FolioApi['gitStage'] = (paths, isStaged) => this.git.gitStage(paths, isStaged)
  gitDiff: FolioApi['gitDiff'] = (path) => this.git.gitDiff(path)
  gitDiscard: FolioApi['gitDiscard'] = (path) => this.git.gitDiscard(path)
  gitCommit: FolioApi['gitCommit'] = (request) => this.git.gitCommit(request)
  gitSetIdentity: FolioApi['gitSetIdentity'] = (identity) => this.git.gitSetIdentity(identity)
  gitSync: FolioApi['gitSync'] = (jobId) => this.git.gitSync(jobId)
  gitContinue: FolioApi['gitContinue'] = (jobId) => this.git.gitContinue(jobId)
  gitCancelSync: FolioApi['gitCancelSync'] = (jobId) => this.git.gitCancelSync(jobId)
  gitAbort: FolioApi['gitAbort'] = () => this.git.gitAbort()
  gitConflict: FolioApi['gitConflict'] = (path) => this.git.gitConflict(path)
  gitResolve: FolioApi['gitResolve'] = (path, text) => this.git.gitResolve(path, text)
  gitHistory: FolioApi['gitHistory'] = (path) => this.git.gitHistory(path)
  gitFileAtCommit: FolioApi['gitFileAtCommit'] = (commit, path) => this.git.gitFileAtCommit(commit, path)
  getAuthoringInfo = () => Promise.resolve(ok({ layout: 'hugo' as const, contentDir: 'content', sections: ['content/posts', 'content'], taxonomies: ['tags', 'categories'], hasHugo: false }))
  createArticle = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  planMove = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  applyMove = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  planDelete = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  trashArticle = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  duplicateArticle = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  saveImage = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  listBundleFiles = () => Promise.resolve(ok([]))
  trashBundleFile = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  listTerms = () => Promise.resolve(ok([]))
  planRetag = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))
  applyRetag = () => Promise.resolve(fail<never>('UNSUPPORTED', 'authoring is not faked'))

  /** Recent folders, most recent first; opening one by path makes it the folder (as the host does). */
  recentFolders: RecentFolder[] = []
  listRecentFolders = () => Promise.resolve(ok([...this.recentFolders]))
  openFolderAt = (path: string) => {
    const folder = { root: path, name: path.split(/[\\/]/).pop() ?? path }
    this.folder = folder
    this.emit({ kind: 'folder-opened', folder })
    return Promise.resolve(ok(folder))
  }
  forgetRecentFolder = (path: string) => {
    this.recentFolders = this.recentFolders.filter((folder) => folder.path !== path)
    return Promise.resolve(ok(undefined))
  }
  completions: string[] = []
  completeFolderPath = (partial: string) => Promise.resolve(ok(this.completions.filter((path) => path.startsWith(partial))))
  /** Articles revealed in the file manager, in order. */
  revealed: string[] = []
  revealArticle = (path: string) => {
    this.revealed.push(path)
    return Promise.resolve(ok(null))
  }

  /** The journal of unsaved edits, by path. */
  readonly journal = new Map<string, JournalEntry>()

  /** Which write made each journal entry (a patch applies only to the step before it). */
  private readonly journalSteps = new Map<string, JournalEntryStep | null>()
  /** Every journal write request, in order. */
  readonly journalWrites: JournalWriteRequest[] = []

  writeJournal = (request: JournalWriteRequest) => {
    this.journalWrites.push(request)
    const stored = this.journal.get(request.path)
    const after = journalTextAfter(stored === undefined ? null : { text: stored.text, entry: this.journalSteps.get(request.path) ?? null }, request)
    if (!after.ok) return Promise.resolve(after)
    this.journal.set(request.path, { path: request.path, text: after.value.text, baseVersion: request.baseVersion, updatedAt: new Date().toISOString() })
    this.journalSteps.set(request.path, after.value.entry)
    return Promise.resolve(ok(undefined))
  }

  clearJournal = (path: string) => {
    this.journal.delete(path)
    this.journalSteps.delete(path)
    return Promise.resolve(ok(undefined))
  }

  /** How many times the renderer let the window close. */
  closeConfirmations = 0

  confirmClose = () => {
    this.closeConfirmations += 1
    return Promise.resolve(ok(undefined))
  }

  listJournal = () => Promise.resolve(ok([...this.journal.values()]))

  /** URLs the preview asked to open in the system browser. */
  readonly openedExternal: string[] = []
  openExternal = (url: string) => {
    this.openedExternal.push(url)
    return Promise.resolve(ok(null))
  }

  onFolderEvent = (listener: (event: FolderEvent) => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Simulates another program writing `path`, and the watcher reporting it. */
  changeOnDisk(path: string, text: string): void {
    this.files.set(path, text)
    this.emit({ kind: 'article-changed', path, version: versionOf(text) })
  }

  /** Delivers a folder event to every subscriber. */
  emit(event: FolderEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private summary(path: string): ArticleSummary {
    const parsed = parseFrontMatter(this.files.get(path) ?? '')
    const title = typeof parsed.data.title === 'string' ? parsed.data.title : null
    const date = typeof parsed.data.date === 'string' ? parsed.data.date : null
    const error = parsed.errors[0]
    return {
      path,
      title,
      date,
      isDraft: parsed.data.draft === true,
      format: parsed.format,
      ...(error ? { error: { message: error.message, line: error.line, column: error.column } } : {}),
    }
  }
}

/** A stand-in version: the text's length and a cheap hash, enough to detect change in tests. */
export function versionOf(text: string): FileVersion {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0
  return { hash: `${hash}:${text.length}`, size: text.length, mtimeMs: 0 }
}
