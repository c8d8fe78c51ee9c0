import type { FolioApi, JournalWriteRequest } from '@shared/api'

/** How long typing must pause before the unsaved text is journaled (the issue asks for "within a second"). */
export const journalDelayMs = 400

/** Characters of a long text read per task when journaling it. */
export const journalSliceChars = 65_536

/** A text to journal, read a slice at a time (`slice` answers a flat string: characters [from, to)). */
export interface JournalText {
  length: number
  slice(from: number, to: number): string
}

/** What to journal for an article: the write request, its text still to be read. */
export type JournalEntry = Omit<JournalWriteRequest, 'text'> & { text: JournalText }

/**
 * Journals unsaved edits through the API a short pause after each change, one pending timer per article; a clean
 * document's entry is cleared instead. `entryOf` answers the entry to write, or null when the text is saved. A text
 * longer than journalSliceChars is read a slice per task (`defer`), so a 1 MB article never holds the page for the
 * whole copy (NOTE: doc.toString() of a 1 MB article and its flattening took 10-20 ms in one task, bench/keystroke).
 */
export class JournalWriter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Bumped by every schedule, cancel and clear of a path: a write read under an older one is dropped. */
  private readonly generations = new Map<string, number>()

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

  /** Writes (or clears) the entry of `path` now. */
  async flush(path: string): Promise<void> {
    const generation = this.bump(path)
    const entry = this.entryOf(path)
    // NOTE: a failed journal write is not shown: the edit is still in the editor and the next keystroke retries.
    if (entry === null) return void (await this.api.clearJournal(path))
    const text = await this.read(entry.text)
    // NOTE: an edit, a save or a close while a long text was read: the newer call's write or clear stands.
    if (this.generations.get(path) !== generation) return
    await this.api.writeJournal({ ...entry, text })
  }

  /** Forgets `path`'s entry (saved, reverted, discarded or closed) and cancels its pending write. */
  clear(path: string): void {
    this.cancel(path)
    void this.api.clearJournal(path)
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
    for (const path of this.generations.keys()) this.bump(path)
  }

  private bump(path: string): number {
    const generation = (this.generations.get(path) ?? 0) + 1
    this.generations.set(path, generation)
    return generation
  }

  /** The whole text: at once when short, else a slice per task, joined at the end (one flat copy). */
  private async read(text: JournalText): Promise<string> {
    if (text.length <= journalSliceChars) return text.slice(0, text.length)
    const pieces: string[] = []
    for (let at = 0; at < text.length; at += journalSliceChars) {
      if (at > 0) await new Promise<void>((resolve) => this.defer(resolve))
      pieces.push(text.slice(at, Math.min(text.length, at + journalSliceChars)))
    }
    return pieces.join('')
  }
}
