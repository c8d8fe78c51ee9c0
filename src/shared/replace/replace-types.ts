import type { FileVersion } from '../api'
import type { ReplaceQuery } from './replace-text'

/** One change as the preview shows it: the line before and after, with the changed span in each. */
export interface ReplaceLineChange {
  /** Index of the change in its file (what a subset names). */
  index: number
  line: number
  column: number
  before: string
  after: string
  /** The matched span in `before`; in `after` the replacement starts at `from` and is `replacementLength` long. */
  from: number
  to: number
  replacementLength: number
}

/** A file the replace would change: its version (applying checks it), its changes, and the whole new text when small. */
export interface ReplaceFilePreview {
  path: string
  version: FileVersion
  changeCount: number
  /** The first changes (all of them unless the file has very many). */
  changes: ReplaceLineChange[]
  /** The file's LF text after every change, when all its changes are listed. */
  after?: string
  /** Set when the changes would break the file's front matter: applying then leaves the file alone. */
  problem?: string
}

/** What a replace would do: the files described (sorted by path), counts over every file, unreadable files. */
export interface ReplacePreview {
  query: ReplaceQuery
  files: ReplaceFilePreview[]
  fileCount: number
  changeCount: number
  /** Articles looked at. */
  searched: number
  failures: { path: string; message: string }[]
  /** True when more files match than are described (they are counted, and can be applied with `all`). */
  isTruncated: boolean
}

/** One file to change: its previewed version and all its changes or the chosen ones (indexes from the preview). */
export interface ReplaceChoice {
  path: string
  version: FileVersion
  changes: 'all' | number[]
}

/** A request to apply a replace to the chosen files. */
export interface ReplaceApplyRequest {
  query: ReplaceQuery
  choices: ReplaceChoice[]
}

/** What happened to one chosen file. */
export type ReplaceFileOutcome =
  | { path: string; kind: 'written'; version: FileVersion }
  | { path: string; kind: 'failed'; code: string; message: string }

/** The result of applying: the journaled operation's id and each file's outcome. */
export interface ReplaceResult {
  id: string
  outcomes: ReplaceFileOutcome[]
}
