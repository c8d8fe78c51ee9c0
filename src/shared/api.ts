import type { Result } from './result'
import type { FrontMatterFormat } from './front-matter/types'

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
  /** Set when the front matter does not parse; the article still opens. */
  error?: { message: string; line: number; column: number }
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
}

/** A request to save: the editor's LF text and the version it was based on. */
export interface WriteArticleRequest {
  path: string
  text: string
  format: TextFormat
  baseVersion: FileVersion
  /** Overwrite even if the file changed on disk since baseVersion (the writer chose "Keep mine"). */
  force?: boolean
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

/** Removes a subscription. */
export type Unsubscribe = () => void

/** The one contract between the renderer and its host (Electron IPC or `folio serve` over HTTP). */
export interface FolioApi {
  getFolder(): Promise<Result<FolderInfo | null>>
  /** Desktop: shows a folder picker. Browser mode: UNSUPPORTED. Resolves to null when the user cancels. */
  openFolder(): Promise<Result<FolderInfo | null>>
  listArticles(): Promise<Result<ArticleSummary[]>>
  readArticle(path: string): Promise<Result<ArticleDocument>>
  writeArticle(request: WriteArticleRequest): Promise<Result<WriteArticleResult>>
  onFolderEvent(listener: (event: FolderEvent) => void): Unsubscribe
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
} as const satisfies Record<FolioRequestMethod, string>

/** IPC channel for events pushed from the host. Browser mode uses server-sent events at `GET /api/events`. */
export const eventChannel = 'folder:event'

/** Every key the preload must expose, for the drift test. */
export const apiKeys: readonly (keyof FolioApi)[] = [...(Object.keys(requestChannels) as FolioRequestMethod[]), 'onFolderEvent']

/** A handler receives untrusted arguments and validates them itself. */
export type RequestHandlers = {
  [M in FolioRequestMethod]: (...args: unknown[]) => Promise<Awaited<ReturnType<FolioApi[M]>>>
}
