import type { FolioError } from '@shared/result'
import type { ParsedFrontMatter } from '@shared/front-matter/types'
import type { AutosaveMode } from './autosave'
import type { ConflictDetail } from './conflict-detail'

/** A failure the UI reports, with what the writer was doing when it happened. */
export type SessionError = FolioError & { action: 'open' | 'save' | 'reload' | 'edit' | 'merge' }

/** What the UI renders from the session; a new object whenever any part changes (for useSyncExternalStore). */
export interface SessionSnapshot {
  activePath: string | null
  /** The open articles in tab order. */
  openPaths: readonly string[]
  /** The active document differs from what was last read or saved. */
  isDirty: boolean
  dirtyPaths: ReadonlySet<string>
  /** Parsed front matter of the active document; the same object until its block changes. */
  frontMatter: ParsedFrontMatter | null
  /** Why the active document cannot be saved, or null when it can. */
  readOnlyReason: string | null
  /** The active document is read-only only by its permissions; the UI may offer to make it writable (after asking). */
  canMakeWritable: boolean
  status: 'idle' | 'opening' | 'saving'
  /** The last failure to open, save or edit, with the file's path; cleared by the next success. */
  error: SessionError | null
  /** A path whose file changed on disk while it had unsaved edits (or a save was refused as CONFLICT). */
  conflictPath: string | null
  /** The disk side of the conflict once read (for Compare and Merge); belongs to `conflictPath` only when paths match. */
  conflict: ConflictDetail | null
  /** Open files that were deleted or moved outside Folio; their text stays and Save writes it back. */
  missingPaths: ReadonlySet<string>
  /** Open files that followed a rename outside Folio: new path → old path (for the tab's note). */
  renamedPaths: ReadonlyMap<string, string>
  autosave: AutosaveMode
  /** Desktop: the window wants to close while there is unsaved work; the UI asks Save all / Discard / Cancel. */
  isCloseRequested: boolean
  /** The close was asked because another folder is opening (the dialog says so), not because the window closes. */
  isOpeningFolder: boolean
}

/** The snapshot before anything is opened. */
export const emptySnapshot: SessionSnapshot = {
  activePath: null,
  openPaths: [],
  isDirty: false,
  dirtyPaths: new Set(),
  frontMatter: null,
  readOnlyReason: null,
  canMakeWritable: false,
  status: 'idle',
  error: null,
  conflictPath: null,
  conflict: null,
  missingPaths: new Set(),
  renamedPaths: new Map(),
  autosave: 'off',
  isCloseRequested: false,
  isOpeningFolder: false,
}
