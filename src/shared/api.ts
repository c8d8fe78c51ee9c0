import type { Result } from './result'
import type { FrontMatterFormat } from './front-matter/types'
import type { FolderSchema } from './front-matter/schema-types'
import type { AuthoringInfo, BundleFile, CreateArticleRequest, CreatedArticle, DeletePlan, MovePlan, MoveRequest, RetagPlan, RetagRequest, SavedImage, SaveImageRequest } from './authoring/plans'
import type { TermGroup } from './authoring/terms'
import type { GitCommitInfo, GitCommitOutcome, GitCommitRequest, GitConflictSides, GitDiscarded, GitFileAtCommit, GitFileDiff, GitIdentity, GitStatus, GitSyncOutcome, GitSyncPhase } from './git'
import type { ReplaceQuery } from './replace/replace-text'
import type { ReplaceApplyRequest, ReplacePreview, ReplaceResult } from './replace/replace-types'
import type { FolderState, UserSettings } from './user-state'

/** How a file's bytes differ from the LF text the editor holds; restored on write. */
export interface TextFormat {
  /** The file started with a UTF-8 byte-order mark. */
  hasBom: boolean
  /** `mixed` when the file uses more than one kind of line break (each unchanged line keeps its own on write). */
  eol: 'lf' | 'crlf' | 'cr' | 'mixed'
}

/** The on-disk state a document was read from; a write is refused with CONFLICT unless the file still matches. */
export interface FileVersion {
  /** SHA-256 of the file's bytes, hex. */
  hash: string
  size: number
  mtimeMs: number
}

/** The opened content folder. `root` is its absolute real path, for display only. */
export interface FolderInfo {
  root: string
  name: string
}

/** One article as the list shows it. `path` is relative to the folder, with `/` separators. */
export interface ArticleSummary {
  path: string
  title: string | null
  /** The date exactly as written in the front matter. */
  date: string | null
  isDraft: boolean
  format: FrontMatterFormat
  /**
   * Set when the front matter does not parse (the article still opens), or with `isFileError` when the file itself
   * cannot be read or is too large to open (line and column are then 1:1), or is not UTF-8 text: binary (NUL bytes)
   * or invalid UTF-8, with `isReadOnly` (it opens read-only) and the line and column of the first bad byte.
   */
  error?: { message: string; line: number; column: number; isFileError?: true; isReadOnly?: true }
  /** Filled by the folder index (absent from older hosts): `lastmod` as written. */
  lastmod?: string | null
  /** String items of `tags` (a single string counts as one tag). */
  tags?: string[]
  /** String items of `categories`. */
  categories?: string[]
  /** Whitespace-separated words in the body (after the front matter). */
  wordCount?: number
  /** Whether Hugo would build it now: draft, future (publishDate or date ahead), expired (expiryDate past). */
  buildStatus?: BuildStatus
}

/** Hugo's view of whether an article is built today. */
export type BuildStatus = 'published' | 'draft' | 'future' | 'expired'

/** The folder index as far as it has got: the articles indexed so far and the progress counts. */
export interface IndexSnapshot {
  /** By path; with a page asked for, only that page's. */
  articles: ArticleSummary[]
  done: number
  total: number
  isComplete: boolean
  /** Where the next page starts (pass it as `after`); null when this answer reached the last article. */
  nextAfter: string | null
}

/**
 * One page of the index: the first `limit` articles by path after the path `after` (from the start when null).
 * NOTE: a large folder's list is fetched in pages, so its first rows show before 50,000 summaries are sent.
 */
export interface IndexPage {
  after: string | null
  limit: number
}

/** The most articles one page of the index may ask for. */
export const maxIndexPageSize = 100_000

/** A span to highlight in a snippet: [from, to) UTF-16 offsets into `text`. */
export interface SearchSnippet {
  text: string
  highlights: [number, number][]
  /** The first match in the article's LF text (offsets without BOM, 1-based line), so a hit opens there; absent from older hosts. */
  match?: { from: number; to: number; line: number }
}

/** One article that matches a folder search, with up to a few snippets around the matches. */
export interface SearchHit {
  path: string
  title: string | null
  snippets: SearchSnippet[]
}

/** The answer to a folder search: every word of the query must occur (the last as a prefix); `total` may exceed hits. */
export interface SearchResults {
  query: string
  hits: SearchHit[]
  total: number
  /** False while the full-text index is still being built (results may then be incomplete). */
  isComplete: boolean
  /**
   * Said plainly when the answer is partial or left files out, and why: e.g. answered by a direct scan while the
   * index builds, stopped at its time budget, files skipped as too large or unreadable. Absent when nothing is.
   */
  note?: string
}

/** An article opened for editing: LF text without BOM, plus what is needed to write it back byte-exact. */
export interface ArticleDocument {
  path: string
  text: string
  format: TextFormat
  version: FileVersion
  /** True when the file cannot be saved safely (e.g. invalid UTF-8); `readOnlyReason` says why. */
  isReadOnly: boolean
  readOnlyReason?: string
  /**
   * True when the file is read-only only because of its permissions (e.g. mode 0444): the writer may agree to make
   * it writable, and the save then says so (WriteArticleRequest.makeWritable).
   */
  canMakeWritable?: boolean
}

/** A request to save: the editor's LF text and the version it was based on. */
export interface WriteArticleRequest {
  path: string
  text: string
  format: TextFormat
  baseVersion: FileVersion
  /** Overwrite even if the file changed on disk since baseVersion (the writer chose "Keep mine"). */
  force?: boolean
  /** The writer agreed to make a read-only file writable (it gains the owner's write bit); without it: READ_ONLY. */
  makeWritable?: boolean
}

/** What a write did; `written` is false when the bytes on disk were already equal (nothing touched). */
export interface WriteArticleResult {
  version: FileVersion
  written: boolean
}

/** Pushed by the host when the folder changes outside Folio. */
export type FolderEvent =
  | { kind: 'article-changed'; path: string; version: FileVersion }
  | { kind: 'article-added'; path: string }
  | { kind: 'article-removed'; path: string }
  | { kind: 'folder-opened'; folder: FolderInfo }
  /** Indexing progress; `done === total` when the summaries are complete. */
  | { kind: 'index-progress'; done: number; total: number }
  /** New or updated summaries (a batch while indexing, or one after a change on disk or a save). */
  | { kind: 'articles-indexed'; articles: ArticleSummary[] }
  /** An article moved (a delete and an add of the same content within a short window). */
  | { kind: 'article-renamed'; from: string; to: string }
  /**
   * Desktop: the window is about to close (or the app to quit, or another folder to open: `reason` 'open-folder');
   * the renderer asks about unsaved work, then calls confirmClose.
   */
  | { kind: 'close-requested'; reason?: 'open-folder' }
  /** Export progress of the job the renderer named in ExportRequest.jobId; `path` is the article just finished. */
  | { kind: 'export-progress'; jobId: string; done: number; total: number; path: string | null }
  /** Desktop: a menu item asked the renderer to run a command of the command table (src/shared/commands.ts). */
  | { kind: 'command'; id: string }
  /** Git: HEAD, the index or a stopped operation changed (in Folio or outside); ask for the status again. */
  | { kind: 'git-changed' }
  /** Git: the Sync job `jobId` reached `phase`; `percent` when git reported one. */
  | { kind: 'git-progress'; jobId: string; phase: GitSyncPhase; percent: number | null }
  /** Desktop: the system asked Folio to open this article of the open folder (a double-clicked `.md` file, a second launch). */
  | { kind: 'open-article'; path: string }

/** What each exported article becomes: the file as saved, standalone HTML, PDF, or JSON (docs/export-json.md). */
export type ExportFormat = 'md' | 'html' | 'pdf' | 'json'

/** PDF page options; margins in millimetres on every side. */
export interface PdfOptions {
  pageSize: 'A4' | 'A5' | 'Letter' | 'Legal'
  marginMm: number
}

/** A request to export articles of the open folder (paths relative, `/` separators). */
export interface ExportRequest {
  paths: string[]
  format: ExportFormat
  /** Keep only articles modified after this date (ISO 8601 or YYYY-MM-DD), or `last-export`: since this folder's last export. */
  since?: string
  /** Always produce a zip, even for one article (many articles always zip). */
  zip?: boolean
  pdf?: PdfOptions
  /** Chosen by the caller to match `export-progress` events and to cancel with cancelExport. */
  jobId?: string
}

/** One article that could not be exported; the others still were. */
export interface ExportFailure {
  path: string
  message: string
}

/**
 * What an export produced. Browser mode answers the bytes (base64) for the page to download; desktop writes them
 * where the save dialog said. `cancelled` when the writer dismissed the dialog or cancelled the job.
 */
export type ExportOutcome =
  | { kind: 'download'; fileName: string; mimeType: string; base64: string; exported: string[]; failures: ExportFailure[] }
  | { kind: 'written'; files: string[]; exported: string[]; failures: ExportFailure[] }
  | { kind: 'cancelled'; exported: string[]; failures: ExportFailure[] }

/** Removes a subscription. */
export type Unsubscribe = () => void

/** Unsaved edits of one article, journaled outside the content folder so a crash or kill does not lose them. */
export interface JournalEntry {
  /** The article, relative to the open folder. */
  path: string
  /** The editor's LF text when it was journaled. */
  text: string
  /** The on-disk version the edits were based on; null for a file that did not exist. */
  baseVersion: FileVersion | null
  /** ISO 8601 time of the journal write. */
  updatedAt: string
}

/** A request to journal unsaved edits of `path` (replaces the previous entry for it). */
export interface JournalWriteRequest {
  path: string
  /** The whole text; with `patch`, only what replaces the patch's range. */
  text: string
  baseVersion: FileVersion | null
  /** Names what this write makes the entry: step 0 of a new id for a whole text, the next step of its id for a patch. */
  entry?: JournalEntryStep
  /**
   * Instead of the whole text: the range [from, to) of the entry's text at `entry.step - 1` that `text` replaces.
   * CONFLICT, and nothing written, unless the stored entry is at that step of that id (the writer then sends it whole).
   */
  patch?: { from: number; to: number }
}

/** Which write of the renderer's an entry holds: its id (new with each whole text) and step (one more per patch). */
export interface JournalEntryStep {
  id: string
  step: number
}

/** A recently opened folder (absolute path, for display and reopening); `isMissing` when it is no longer a folder. */
export interface RecentFolder {
  path: string
  name: string
  /** ISO 8601 time it was last opened. */
  openedAt: string
  isMissing: boolean
}

/** The one contract between the renderer and its host (Electron IPC or `folio serve` over HTTP). */
export interface FolioApi {
  getFolder(): Promise<Result<FolderInfo | null>>
  /** Desktop: shows a folder picker. Browser mode: UNSUPPORTED. Resolves to null when the user cancels. */
  openFolder(): Promise<Result<FolderInfo | null>>
  listArticles(): Promise<Result<ArticleSummary[]>>
  readArticle(path: string): Promise<Result<ArticleDocument>>
  writeArticle(request: WriteArticleRequest): Promise<Result<WriteArticleResult>>
  /**
   * The index as far as it has got, without waiting (all of it, or one page by path); follow `articles-indexed` and
   * `index-progress` events after it.
   */
  getArticleIndex(page?: IndexPage): Promise<Result<IndexSnapshot>>
  /** Full-text search over bodies and front matter (at most `limit` hits, default 200). */
  searchArticles(query: string, limit?: number): Promise<Result<SearchResults>>
  /**
   * Opens an http(s) link in the system browser after a strict check (no other schemes, no credentials).
   * Browser mode: UNSUPPORTED (the page opens it itself after the same check).
   */
  openExternal(url: string): Promise<Result<null>>
  /** Exports articles (see ExportRequest); fails as a whole only when nothing could be exported. */
  exportArticles(request: ExportRequest): Promise<Result<ExportOutcome>>
  /** Cancels a running export by its jobId; resolves to false when no such job runs. */
  cancelExport(jobId: string): Promise<Result<boolean>>
  /** The folder's front-matter schema: per-key statistics over every article plus explicit schema files (docs/schema.md). */
  getFolderSchema(): Promise<Result<FolderSchema>>
  /** Journals unsaved edits of one article in the app's state folder (never in the content folder). */
  writeJournal(request: JournalWriteRequest): Promise<Result<void>>
  /** Forgets the journaled edits of `path` (saved, reverted or discarded); succeeds when there were none. */
  clearJournal(path: string): Promise<Result<void>>
  /** The journaled edits of the open folder, e.g. left behind by a crash; offered for restore on opening. */
  listJournal(): Promise<Result<JournalEntry[]>>
  /** Desktop: lets the window close after a `close-requested` event (work saved or knowingly dropped). Browser mode: UNSUPPORTED. */
  confirmClose(): Promise<Result<void>>
  /** Git: the folder's changes against HEAD, branch and ahead/behind; `not-repo` or `no-git` when those apply. */
  gitStatus(): Promise<Result<GitStatus>>
  /** Git: creates a repository in the folder (only when it is in none). */
  gitInit(): Promise<Result<void>>
  /** Git: stages (true) or unstages (false) folder-relative paths. */
  gitStage(paths: string[], isStaged: boolean): Promise<Result<void>>
  /** Git: an article's text at HEAD and on disk, for the diff. */
  gitDiff(path: string): Promise<Result<GitFileDiff>>
  /**
   * Git: puts an article back as at HEAD; the replaced text is journaled (undo once) and returned. A file new since
   * HEAD (untracked or added) goes to the system trash; a renamed one gets its old path back and its new one trashed.
   */
  gitDiscard(path: string): Promise<Result<GitDiscarded>>
  /** Git: commits the staged files (all changes in the folder when none are staged). */
  gitCommit(request: GitCommitRequest): Promise<Result<GitCommitOutcome>>
  /** Git: stores the commit identity in the repository's own config. */
  gitSetIdentity(identity: GitIdentity): Promise<Result<void>>
  /** Git: fetch, integrate, push as job `jobId` (progress as `git-progress` events). */
  gitSync(jobId: string): Promise<Result<GitSyncOutcome>>
  /** Git: continues a rebase or merge stopped on conflicts (all resolved), then pushes. */
  gitContinue(jobId: string): Promise<Result<GitSyncOutcome>>
  /** Git: cancels a running Sync; false when none has that id. */
  gitCancelSync(jobId: string): Promise<Result<boolean>>
  /** Git: abandons a rebase or merge stopped on conflicts (git's own --abort). */
  gitAbort(): Promise<Result<void>>
  /** Git: the base, mine and theirs of a conflicted article. */
  gitConflict(path: string): Promise<Result<GitConflictSides>>
  /** Git: writes the resolved text through the store and marks the article resolved. */
  gitResolve(path: string, text: string): Promise<Result<void>>
  /** Git: the commits that touched an article, newest first. */
  gitHistory(path: string): Promise<Result<GitCommitInfo[]>>
  /** Git: an article at a commit and at its parent. */
  gitFileAtCommit(commit: string, path: string): Promise<Result<GitFileAtCommit>>
  /** The recently opened folders, most recent first; missing ones are marked (shown greyed, removable). */
  listRecentFolders(): Promise<Result<RecentFolder[]>>
  /**
   * Opens the folder at an absolute path. Browser mode: any folder the server's user may read (the path field);
   * desktop: only a folder on the recent list (new ones come through the system's folder dialog).
   */
  openFolderAt(path: string): Promise<Result<FolderInfo>>
  /** Removes a folder from the recent list; succeeds when it was not there. */
  forgetRecentFolder(path: string): Promise<Result<void>>
  /** Browser mode: sub-folder paths completing what was typed in the path field. Desktop: UNSUPPORTED. */
  completeFolderPath(partial: string): Promise<Result<string[]>>
  /** Desktop: shows an article of the open folder in Finder/Explorer/the file manager. Browser mode: UNSUPPORTED. */
  revealArticle(path: string): Promise<Result<null>>
  /** Authoring: the folder's layout, sections (most recent first) and taxonomies, for the New article dialog. */
  getAuthoringInfo(): Promise<Result<AuthoringInfo>>
  /** Authoring: creates an article from the archetypes; CONFLICT when the path exists (nothing is replaced). */
  createArticle(request: CreateArticleRequest): Promise<Result<CreatedArticle>>
  /** Authoring: what moving or renaming an article will change (files, link diffs, alias), without writing. */
  planMove(request: MoveRequest): Promise<Result<MovePlan>>
  /** Authoring: applies the plan shown (its digest), all or nothing. */
  applyMove(request: MoveRequest): Promise<Result<MovePlan>>
  /** Authoring: what deleting an article will do (files to the trash, links that break). */
  planDelete(path: string): Promise<Result<DeletePlan>>
  /** Authoring: sends an article (a bundle whole) to the system trash. */
  trashArticle(path: string): Promise<Result<{ trashed: string }>>
  /** Authoring: copies an article beside itself under a free name; resolves to the copy's path. */
  duplicateArticle(path: string): Promise<Result<string>>
  /** Authoring: saves an image for an article (bundle or static images), never over an existing file. */
  saveImage(request: SaveImageRequest): Promise<Result<SavedImage>>
  /** Authoring: the files in an article's bundle besides the article; [] for a plain article. */
  listBundleFiles(path: string): Promise<Result<BundleFile[]>>
  /** Authoring: sends one bundle resource (not an article) to the system trash; refused outside a page bundle. */
  trashBundleFile(path: string): Promise<Result<{ trashed: string }>>
  /** Authoring: the terms of a taxonomy across the folder, grouped as Hugo groups them. */
  listTerms(taxonomy: string): Promise<Result<TermGroup[]>>
  /** Authoring: what renaming or merging a term will change, without writing. */
  planRetag(request: RetagRequest): Promise<Result<RetagPlan>>
  /** Authoring: applies the retag shown (its digest), all or nothing. */
  applyRetag(request: RetagRequest): Promise<Result<RetagPlan>>
  onFolderEvent(listener: (event: FolderEvent) => void): Unsubscribe
  // Writing comfort: folder-wide replace, settings and per-folder session state.
  /** Every change a folder-wide replace would make (reads only). */
  previewReplace(query: ReplaceQuery): Promise<Result<ReplacePreview>>
  /** Applies the chosen changes of a replace as one journaled operation; each file is version-checked. */
  applyReplace(request: ReplaceApplyRequest): Promise<Result<ReplaceResult>>
  /** The user's settings (defaults for anything never set), from the user's state folder. */
  getSettings(): Promise<Result<UserSettings>>
  /** Stores the user's settings in the user's state folder (never in the content folder). */
  saveSettings(settings: UserSettings): Promise<Result<void>>
  /** The open folder's restored state (tabs, cursors, panes, sort, filters), kept in the user's state folder. */
  getFolderState(): Promise<Result<FolderState>>
  /** Stores the open folder's state in the user's state folder. */
  saveFolderState(state: FolderState): Promise<Result<void>>
}

/** The request/response methods (everything but subscriptions). */
export type FolioRequestMethod = Exclude<keyof FolioApi, 'onFolderEvent'>

/** IPC channel per request method, `domain:verb`. Browser mode uses `POST /api/<method>`. */
export const requestChannels = {
  getFolder: 'folder:get',
  openFolder: 'folder:open',
  listArticles: 'article:list',
  readArticle: 'article:read',
  writeArticle: 'article:write',
  getArticleIndex: 'index:get',
  searchArticles: 'index:search',
  openExternal: 'link:open-external',
  exportArticles: 'export:run',
  cancelExport: 'export:cancel',
  getFolderSchema: 'schema:get',
  writeJournal: 'journal:write',
  clearJournal: 'journal:clear',
  listJournal: 'journal:list',
  confirmClose: 'window:close',
  gitStatus: 'git:status',
  gitInit: 'git:init',
  gitStage: 'git:stage',
  gitDiff: 'git:diff',
  gitDiscard: 'git:discard',
  gitCommit: 'git:commit',
  gitSetIdentity: 'git:set-identity',
  gitSync: 'git:sync',
  gitContinue: 'git:continue',
  gitCancelSync: 'git:cancel-sync',
  gitAbort: 'git:abort',
  gitConflict: 'git:conflict',
  gitResolve: 'git:resolve',
  gitHistory: 'git:history',
  gitFileAtCommit: 'git:file-at-commit',
  previewReplace: 'replace:preview',
  applyReplace: 'replace:apply',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  getFolderState: 'folder-state:get',
  saveFolderState: 'folder-state:save',
  listRecentFolders: 'recent:list',
  openFolderAt: 'folder:open-at',
  forgetRecentFolder: 'recent:forget',
  completeFolderPath: 'folder:complete',
  revealArticle: 'article:reveal',
  getAuthoringInfo: 'authoring:info',
  createArticle: 'article:create',
  planMove: 'article:plan-move',
  applyMove: 'article:move',
  planDelete: 'article:plan-delete',
  trashArticle: 'article:trash',
  duplicateArticle: 'article:duplicate',
  saveImage: 'asset:save-image',
  listBundleFiles: 'asset:list-bundle',
  trashBundleFile: 'asset:trash-bundle-file',
  listTerms: 'terms:list',
  planRetag: 'terms:plan-retag',
  applyRetag: 'terms:retag',
} as const satisfies Record<FolioRequestMethod, string>

/** IPC channel for events pushed from the host. Browser mode uses server-sent events at `GET /api/events`. */
export const eventChannel = 'folder:event'

/** Every key the preload must expose, for the drift test. */
export const apiKeys: readonly (keyof FolioApi)[] = [...(Object.keys(requestChannels) as FolioRequestMethod[]), 'onFolderEvent']

/** A handler receives untrusted arguments and validates them itself. */
export type RequestHandlers = {
  [M in FolioRequestMethod]: (...args: unknown[]) => Promise<Awaited<ReturnType<FolioApi[M]>>>
}
