/**
 * Runs tasks one after another per key (the store: a real file's dev/ino, see writeQueueKey; the journal: an entry
 * file or an article path); tasks of different keys run side by side. A task's failure does not stop the ones after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Runs `task` after every earlier task of `key` has settled; resolves or rejects as it does. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    // NOTE: the next task waits for the previous one to settle either way; its outcome is its own caller's.
    const next = previous.then(task, task)
    this.tails.set(key, next)
    try {
      return await next
    } finally {
      if (this.tails.get(key) === next) this.tails.delete(key)
    }
  }
}
