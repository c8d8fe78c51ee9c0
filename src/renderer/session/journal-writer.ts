import type { Text } from '@codemirror/state'
import type { FileVersion, FolioApi, JournalEntryStep, JournalWriteRequest } from '@shared/api'
import { KeyedQueue } from '@shared/keyed-queue'
import { flatSlice } from '../editor/flat-text'

/** How long typing must pause before the unsaved text is journaled (the issue asks for "within a second"). */
export const journalDelayMs = 400

/** Characters of a long text read per task when journaling it. */
export const journalSliceChars = 65_536

/** What to journal for an article: the write request, its text the editor's document at the pause. */
export type JournalEntry = Pick<JournalWriteRequest, 'path' | 'baseVersion'> & { text: Text }

/** The last entry this window wrote of an article: which write it is, and the document and version it held. */
interface Written {
  entry: JournalEntryStep
  doc: Text
  baseVersion: FileVersion | null
}

/** The range [from, toA) of `a` that `b`'s [from, toB) replaces: the one change between them, ends kept. */
export function changeBetween(a: Text, b: Text): { from: number; toA: number; toB: number } {
  const from = commonLength(a, b, Math.min(a.length, b.length), 1)
  const back = commonLength(a, b, Math.min(a.length, b.length) - from, -1)
  return { from, toA: a.length - back, toB: b.length - back }
}

/**
 * How many characters two texts agree on from their start (`dir` 1) or end (-1), at most `limit`. NOTE: an edited
 * document shares the untouched parts of the one before it (the same subtrees, the same line strings): the shared
 * subtrees are skipped unread, then the lines compare mostly by identity. Reading every line of half of a 1 MB
 * article took 0.4-2 ms idle, 1-9 ms at load 5-9; the skip leaves a few hundred lines to read.
 */
function commonLength(a: Text, b: Text, limit: number, dir: 1 | -1): number {
  const skip = sharedLength(a, b, dir)
  if (skip >= limit) return limit
  const ia = a.iter(dir)
  const ib = b.iter(dir)
  let at = skip
  for (let first = true; ; first = false) {
    const x = ia.next(first ? skip : 0)
    const y = ib.next(first ? skip : 0)
    if (x.done || y.done) return Math.min(at, limit)
    if (x.value === y.value) {
      at += x.value.length
      if (at >= limit) return limit
      continue
    }
    const n = Math.min(x.value.length, y.value.length)
    let i = 0
    if (dir < 0) while (i < n && x.value.charCodeAt(x.value.length - 1 - i) === y.value.charCodeAt(y.value.length - 1 - i)) i++
    else while (i < n && x.value.charCodeAt(i) === y.value.charCodeAt(i)) i++
    return Math.min(at + i, limit)
  }
}

/**
 * Characters at the start (`dir` 1) or end (-1) of `a` and `b` in subtrees both share, the same objects: a lower
 * bound of what they agree on, at a line's start (or end). Each level skips its shared children before the first
 * that differs and goes down into that one; a child is skipped only when another follows it in both (so the line
 * break after it is shared too).
 */
function sharedLength(a: Text, b: Text, dir: 1 | -1): number {
  if (a === b) return a.length
  let at = 0
  for (let x = a, y = b; x.children !== null && y.children !== null; ) {
    const xs = x.children
    const ys = y.children
    const last = Math.min(xs.length, ys.length) - 1
    let i = 0
    const child = (list: readonly Text[], k: number): Text | undefined => list[dir > 0 ? k : list.length - 1 - k]
    for (let c = child(xs, 0); i < last && c !== undefined && c === child(ys, i); c = child(xs, i)) {
      at += c.length + 1
      i++
    }
    const nx = child(xs, i)
    const ny = child(ys, i)
    if (nx === undefined || ny === undefined || nx === ny) return at
    x = nx
    y = ny
  }
  return at
}

const sameVersion = (a: FileVersion | null, b: FileVersion | null): boolean => a === b || (a !== null && b !== null && a.hash === b.hash && a.size === b.size && a.mtimeMs === b.mtimeMs)

let lastId = 0
/** A new entry id: unique to this window's run, and unlikely to meet another window's. */
const newEntryId = (): string => `${Date.now().toString(36)}-${(++lastId).toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * Journals unsaved edits through the API a short pause after each change, one pending timer per article; a clean
 * document's entry is cleared instead. `entryOf` answers the entry to write, or null when the text is saved. After
 * the first entry of an article only the change since the last one is sent (a patch the store applies to the text
 * it holds); the whole text again when the store refuses it (another window's entry, a failed write). NOTE: a 1 MB
 * article sent whole at each pause in typing cost the page 20-35 ms of CPU per pause (bench/keystroke: reading it,
 * 16 slices to the post worker); a patch costs the comparison of the two documents (about 1 ms) and a small request.
 * A whole text longer than journalSliceChars is read a slice per task (`defer`), so it never holds the page at once.
 */
export class JournalWriter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Bumped by every schedule, cancel and clear of a path: a write read under an older one is dropped. */
  private readonly generations = new Map<string, number>()
  /** What this window last journaled of each article (what a patch is computed from). */
  private readonly written = new Map<string, Written>()
  /**
   * Each article's write or clear still on its way; the next one waits for it. NOTE: a write started while the one
   * before was on its way computed its patch from the same last entry, at the same step, and which of the two the
   * journal kept and which this window took for its last depended on the order the answers came in; a clear sent then
   * could be overtaken by the write before it, leaving an entry for a saved article.
   */
  private readonly inFlight = new KeyedQueue()

  constructor(
    private readonly api: Pick<FolioApi, 'writeJournal' | 'clearJournal'>,
    private readonly entryOf: (path: string) => JournalEntry | null,
    private readonly delayMs = journalDelayMs,
    private readonly defer: (next: () => void) => void = (next) => setTimeout(next, 0),
  ) {}

  /** Journals `path` after the pause (restarting it when already pending). */
  schedule(path: string): void {
    this.cancel(path)
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path)
        void this.flush(path)
      }, this.delayMs),
    )
  }

  /** Writes (or clears) the entry of `path` now, or once its write on the way has ended. */
  flush(path: string): Promise<void> {
    const generation = this.bump(path)
    return this.inFlight.run(path, () => (this.generations.get(path) === generation ? this.write(path, generation) : Promise.resolve()))
  }

  private async write(path: string, generation: number): Promise<void> {
    const entry = this.entryOf(path)
    // NOTE: a failed journal write is not shown: the edit is still in the editor and the next keystroke retries.
    if (entry === null) {
      this.written.delete(path)
      return void (await this.api.clearJournal(path))
    }
    const last = this.written.get(path)
    if (last !== undefined) {
      const change = changeBetween(last.doc, entry.text)
      if (change.from === change.toA && change.from === change.toB && sameVersion(last.baseVersion, entry.baseVersion)) return
      const step = { id: last.entry.id, step: last.entry.step + 1 }
      const insert = await this.read(entry.text, change.from, change.toB)
      if (this.generations.get(path) !== generation) return
      const patched = await this.api.writeJournal({ path, text: insert, baseVersion: entry.baseVersion, entry: step, patch: { from: change.from, to: change.toA } })
      if (patched.ok) return void this.written.set(path, { entry: step, doc: entry.text, baseVersion: entry.baseVersion })
      this.written.delete(path)
      if (this.generations.get(path) !== generation) return
    }
    const text = await this.read(entry.text, 0, entry.text.length)
    // NOTE: an edit, a save or a close while a long text was read: the newer call's write or clear stands.
    if (this.generations.get(path) !== generation) return
    const step = { id: newEntryId(), step: 0 }
    const written = await this.api.writeJournal({ path, text, baseVersion: entry.baseVersion, entry: step })
    if (written.ok) this.written.set(path, { entry: step, doc: entry.text, baseVersion: entry.baseVersion })
  }

  /** Forgets `path`'s entry (saved, reverted, discarded or closed) and cancels its pending write. */
  clear(path: string): void {
    this.cancel(path)
    this.written.delete(path)
    void this.inFlight.run(path, () => this.api.clearJournal(path).then(() => undefined))
  }

  /** Cancels a pending write of `path` without touching the stored entry. */
  cancel(path: string): void {
    const pending = this.timers.get(path)
    if (pending !== undefined) clearTimeout(pending)
    this.timers.delete(path)
    this.bump(path)
  }

  /** Cancels every pending write (another folder was opened). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.written.clear()
    for (const path of this.generations.keys()) this.bump(path)
  }

  private bump(path: string): number {
    const generation = (this.generations.get(path) ?? 0) + 1
    this.generations.set(path, generation)
    return generation
  }

  /** Characters [from, to) of `text`: at once when short, else a slice per task, joined at the end (one flat copy). */
  private async read(text: Text, from: number, to: number): Promise<string> {
    if (to - from <= journalSliceChars) return flatSlice(text, from, to)
    const pieces: string[] = []
    for (let at = from; at < to; at += journalSliceChars) {
      if (at > from) await new Promise<void>((resolve) => this.defer(resolve))
      pieces.push(flatSlice(text, at, Math.min(to, at + journalSliceChars)))
    }
    return pieces.join('')
  }
}
