import type { FolioApi, JournalWriteRequest } from '@shared/api'

/** How long typing must pause before the unsaved text is journaled (the issue asks for "within a second"). */
export const journalDelayMs = 400

/**
 * Journals unsaved edits through the API a short pause after each change, one pending timer per article; a clean
 * document's entry is cleared instead. `entryOf` answers the request to write, or null when the text is saved.
 */
export class JournalWriter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly api: Pick<FolioApi, 'writeJournal' | 'clearJournal'>,
    private readonly entryOf: (path: string) => JournalWriteRequest | null,
    private readonly delayMs = journalDelayMs,
  ) {}

  /** Journals `path` after the pause (restarting it when already pending). */
  schedule(path: string): void {
    const pending = this.timers.get(path)
    if (pending !== undefined) clearTimeout(pending)
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
    const entry = this.entryOf(path)
    // NOTE: a failed journal write is not shown: the edit is still in the editor and the next keystroke retries.
    await (entry === null ? this.api.clearJournal(path) : this.api.writeJournal(entry))
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
  }

  /** Cancels every pending write (another folder was opened). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
