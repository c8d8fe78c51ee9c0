import type { FileVersion } from '@shared/api'
import type { Result } from '@shared/result'

/** Files larger than this are never read nor written (bytes): TOO_LARGE. */
export const maxArticleBytes = 10 * 1024 * 1024

/** One file as the store read it: its bytes, their version, and whether its permissions let Folio replace it. */
export interface StoredFile {
  bytes: Uint8Array
  version: FileVersion
  /** False when the file's mode denies writing (e.g. 0444); a write then needs `makeWritable`. */
  isWritable: boolean
}

/** How a write may replace what is on disk. */
export interface StoreWriteOptions {
  /**
   * The hash of the bytes the writer started from (null: it expected no file). An existing file with another hash
   * is a CONFLICT; an absent file is (re)created, so a writer's text outlives an outside delete.
   */
  baseHash: string | null
  /** Replace whatever is on disk (the writer chose "Keep mine"). */
  force?: boolean
  /** The writer agreed to replace a read-only file; it gains the owner's write bit. Without it: READ_ONLY. */
  makeWritable?: boolean
}

/** Makes the bytes of a write from the file on disk (null: there is none). */
export type MakeBytes = (onDisk: StoredFile | null) => Result<Uint8Array>

/** What a write did; `written` is false when the bytes on disk were already equal (nothing touched). */
export interface StoreWriteResult {
  version: FileVersion
  written: boolean
}

/** How a read treats a symbolic link at the path: follow it when it stays inside the folder, or treat it as absent. */
export interface StoreReadOptions {
  /** Default true (the editor opens a link to a file in the folder); the index and the watcher pass false, as listing skips links. */
  followLinks?: boolean
}

/**
 * The one way Folio touches a content folder's files: every reader and writer (folder session, CLI, index, schema,
 * watcher, export) goes through an ArticleStore, so each rule below has one home. Paths are relative with `/`
 * separators and are checked (splitRelativePath); everything a call opens is proven to be inside the folder after
 * opening, so a symbolic link swapped in meanwhile cannot lead outside. Files that are not regular files (FIFOs,
 * sockets, devices) are never opened. Failures are Results: NOT_FOUND, INVALID_PATH, CONFLICT, READ_ONLY,
 * TOO_LARGE, PERMISSION, NO_SPACE, BUSY, IO. Modelled on VS Code's files service (one write path owns the version
 * check) and SilverBullet's SpacePrimitives (a small interface with one contract suite for every implementation:
 * tests/unit/core/store/store-contract.ts).
 */
export interface ArticleStore {
  /** The folder's absolute real path. */
  readonly root: string
  /**
   * Every regular article file under the root (skip rules of article-files: dot-folders, node_modules, Hugo's
   * output; links are not followed), in chunks as found; unordered. Fails only when the root cannot be read.
   */
  list(take: (paths: string[]) => void): Promise<Result<void>>
  /** A file's bytes and version; NOT_FOUND when absent, TOO_LARGE past maxArticleBytes, INVALID_PATH for a non-regular file or a link leading outside. */
  read(relPath: string, options?: StoreReadOptions): Promise<Result<StoredFile>>
  /**
   * Replaces (or creates) a file atomically: temp file in the file's real folder, fsync, rename. The version is
   * checked against `baseHash` before writing and again right before the rename (CONFLICT, nothing written).
   * Writes to one real file are serialised whatever name they use. TOO_LARGE past maxArticleBytes, up front.
   * `bytes` may be a function making them from the file on disk (null: none), called in the file's turn after the
   * CONFLICT check; its error is returned with nothing written. NOTE: a save encodes against the bytes on disk (a
   * file's mixed line breaks) and refuses non-UTF-8 ones; made here, they come from the one read the write makes
   * anyway, where a read before the write cost a second confined read per save (bench/save.bench.mjs).
   */
  write(relPath: string, bytes: Uint8Array | MakeBytes, options: StoreWriteOptions): Promise<Result<StoreWriteResult>>
  /** Creates a new file (and its missing folders) atomically; never replaces anything: CONFLICT when the path exists. */
  create(relPath: string, bytes: Uint8Array): Promise<Result<FileVersion>>
  /**
   * Moves a file or a folder (a bundle moves whole) to a path that does not exist yet (CONFLICT otherwise); both
   * ends confined; a link is moved as the link. Missing folders of `to` are created.
   */
  move(from: string, to: string): Promise<Result<void>>
  /** Sends a file or folder to the system trash (never deleted for good); a link is trashed as the link. */
  trash(relPath: string): Promise<Result<void>>
}
