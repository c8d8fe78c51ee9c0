import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FileVersion, JournalEntry, JournalEntryStep, JournalWriteRequest } from '@shared/api'
import { journalTextAfter, type StoredJournalText } from '@shared/journal/journal-patch'
import { KeyedQueue } from '@shared/keyed-queue'
import { fail, ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'
import { splitRelativePath } from '../path-rules'
import { isRecord, validateFileVersion } from '../validate'

/** The folder (inside the state folder) that holds the journals. */
export const journalFolderName = 'journal'

const maxJournalText = 20 * 1024 * 1024

/** How many entries' texts JournalStore keeps for patches (one per article with unsaved edits, most recent first). */
const recentEntries = 8

interface JournalFile extends JournalEntry {
  version: 1
  /** Real path of the content folder the entry belongs to (a hash collision check). */
  folder: string
  /** Which write of the renderer's this is (a patch applies only to the step before it); absent from older files. */
  entry?: JournalEntryStep | null
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * Unsaved edits per content folder and article, kept in the app's state folder (never in the content folder).
 * Files are named by hashes of the folder's real path and the article path, so a key can never name a file
 * outside `<dir>/journal`. Writes are atomic: a kill mid-write leaves the previous entry.
 */
export class JournalStore {
  /**
   * The text and step this store last wrote to each entry file, the most recent few: a patch builds on it without
   * reading the file back. NOTE: reading and parsing a 1 MB entry took 12-20 ms of the host's thread per pause in
   * typing (the Electron main process, which also routes the window's input). The cached text is the one the entry's
   * writer sent, so a patch of that writer's id is always applied to the text it was computed from.
   */
  private readonly recent = new Map<string, StoredJournalText>()
  /**
   * The write or clear of each entry file still under way; the next one waits for it. NOTE: a patch reads the entry
   * (its text and step) and writes it back across awaits: two patches of the same step arriving together both found
   * the step before theirs and were both accepted, and the entry kept the one whose rename came last, whichever the
   * writer took for its last. In turn, the second finds the first's step and is refused (CONFLICT).
   */
  private readonly busy = new KeyedQueue()

  constructor(readonly dir: string) {}

  /** The folder holding `folderRoot`'s entries. */
  folderDir(folderRoot: string): string {
    return path.join(this.dir, journalFolderName, hashOf(folderRoot).slice(0, 32))
  }

  /** Records the unsaved text of `request.path` (replacing an earlier entry); INVALID_PATH for a bad path. */
  async write(folderRoot: string, request: JournalWriteRequest, now: Date = new Date()): Promise<Result<void>> {
    const file = this.fileOf(folderRoot, request.path)
    if (!file.ok) return file
    return this.busy.run(file.value, () => this.writeNow(file.value, folderRoot, request, now))
  }

  private async writeNow(file: string, folderRoot: string, request: JournalWriteRequest, now: Date): Promise<Result<void>> {
    // NOTE: a patch (the renderer's change since its last entry) is applied here, off the renderer, to the stored text.
    const stored = request.patch === undefined ? null : (this.recent.get(file) ?? (await readStoredText(file, folderRoot)))
    const after = journalTextAfter(stored, request)
    if (!after.ok) return after
    if (after.value.text.length > maxJournalText) return fail('TOO_LARGE', 'The text is too large to journal.')
    const entry: JournalFile = { version: 1, folder: folderRoot, path: request.path, text: after.value.text, baseVersion: request.baseVersion, updatedAt: now.toISOString(), entry: after.value.entry }
    try {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    } catch (error) {
      return errnoToResult(error, 'create the journal folder', path.dirname(file))
    }
    this.recent.delete(file)
    const written = await writeFileAtomic(file, Buffer.from(JSON.stringify(entry)))
    if (written.ok) this.remember(file, after.value)
    return written
  }

  private remember(file: string, stored: StoredJournalText): void {
    this.recent.set(file, stored)
    for (const old of this.recent.keys()) {
      if (this.recent.size <= recentEntries) break
      this.recent.delete(old)
    }
  }

  /** Removes the entry of `articlePath`; succeeds when there was none. */
  async clear(folderRoot: string, articlePath: string): Promise<Result<void>> {
    const file = this.fileOf(folderRoot, articlePath)
    if (!file.ok) return file
    return this.busy.run(file.value, () => this.clearNow(file.value))
  }

  private async clearNow(file: string): Promise<Result<void>> {
    this.recent.delete(file)
    try {
      await fs.unlink(file)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') return errnoToResult(error, 'remove the journal entry', file)
    }
    return ok(undefined)
  }

  /** Every readable entry of `folderRoot`, oldest first; damaged files are skipped (they hold nothing usable). */
  async list(folderRoot: string): Promise<Result<JournalEntry[]>> {
    const dir = this.folderDir(folderRoot)
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch (error) {
      return errnoCode(error) === 'ENOENT' ? ok([]) : errnoToResult(error, 'list the journal', dir)
    }
    const entries: JournalEntry[] = []
    for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
      const entry = await readEntry(path.join(dir, name), folderRoot)
      if (entry !== null) entries.push(entry)
    }
    return ok(entries.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)))
  }

  private fileOf(folderRoot: string, articlePath: string): Result<string> {
    const checked = splitRelativePath(articlePath)
    if (!checked.ok) return checked
    return ok(path.join(this.folderDir(folderRoot), `${hashOf(articlePath)}.json`))
  }
}

/**
 * The entry file `file` of `folderRoot` as parsed JSON with its text, or null when there is none readable. NOTE: an
 * unreadable or half-written entry (not possible with atomic writes, but a disk can lie) is skipped.
 */
async function readEntryFile(file: string, folderRoot: string): Promise<Record<string, unknown> & { text: string } | null> {
  let value: unknown
  try {
    value = JSON.parse(await fs.readFile(file, 'utf8'))
  } catch (error) {
    if (error instanceof SyntaxError || errnoCode(error) !== undefined) return null
    throw error
  }
  if (!isRecord(value) || value.folder !== folderRoot || typeof value.text !== 'string') return null
  return value as Record<string, unknown> & { text: string }
}

/** The text and step of the entry in `file`, or null when there is none readable of `folderRoot`. */
async function readStoredText(file: string, folderRoot: string): Promise<StoredJournalText | null> {
  const value = await readEntryFile(file, folderRoot)
  if (value === null) return null
  const entry = validateEntryStep(value.entry)
  return { text: value.text, entry: entry.ok ? entry.value : null }
}

function validateEntryStep(value: unknown): Result<JournalEntryStep> {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id.length === 0 || value.id.length > 64) return fail('INVALID_ARGUMENT', 'entry.id must be a string of 1-64 characters.')
  if (typeof value.step !== 'number' || !Number.isSafeInteger(value.step) || value.step < 0) return fail('INVALID_ARGUMENT', 'entry.step must be a whole number of 0 or more.')
  return ok({ id: value.id, step: value.step })
}

async function readEntry(file: string, folderRoot: string): Promise<JournalEntry | null> {
  const value = await readEntryFile(file, folderRoot)
  if (value === null || typeof value.updatedAt !== 'string') return null
  if (typeof value.path !== 'string' || !splitRelativePath(value.path).ok) return null
  const base = value.baseVersion === null ? ok(null) : validateFileVersion(value.baseVersion)
  if (!base.ok) return null
  return { path: value.path, text: value.text, baseVersion: base.value, updatedAt: value.updatedAt }
}

/** Validates an untrusted journal write request (the path is checked again by the store). */
export function validateJournalWrite(value: unknown): Result<JournalWriteRequest> {
  if (!isRecord(value)) return fail('INVALID_ARGUMENT', 'The journal request must be an object.')
  const { path: articlePath, text } = value
  if (typeof articlePath !== 'string') return fail('INVALID_ARGUMENT', 'path must be a string.')
  if (typeof text !== 'string') return fail('INVALID_ARGUMENT', 'text must be a string.')
  if (text.length > maxJournalText) return fail('TOO_LARGE', 'The text is too large to journal.')
  let baseVersion: FileVersion | null = null
  if (value.baseVersion !== null) {
    const checked = validateFileVersion(value.baseVersion)
    if (!checked.ok) return checked
    baseVersion = checked.value
  }
  let entry: JournalEntryStep | undefined
  if (value.entry !== undefined) {
    const checked = validateEntryStep(value.entry)
    if (!checked.ok) return checked
    entry = checked.value
  }
  let patch: { from: number; to: number } | undefined
  if (value.patch !== undefined) {
    const { patch: range } = value
    if (!isRecord(range) || !isOffset(range.from) || !isOffset(range.to) || range.from > range.to) return fail('INVALID_ARGUMENT', 'patch must be a range { from, to } of whole numbers, from <= to.')
    if (entry === undefined || entry.step === 0) return fail('INVALID_ARGUMENT', 'A journal patch needs its entry, at step 1 or later.')
    patch = { from: range.from, to: range.to }
  } else if (entry !== undefined && entry.step !== 0) {
    return fail('INVALID_ARGUMENT', 'A whole journal text starts its entry at step 0.')
  }
  return ok({ path: articlePath, text, baseVersion, ...(entry === undefined ? {} : { entry }), ...(patch === undefined ? {} : { patch }) })
}

const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
