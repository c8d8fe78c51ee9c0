/**
 * Runs tasks one after another per key (a real file's dev/ino, so two names of one file share a queue); tasks of
 * different keys run side by side. A task's failure does not stop the ones after it.
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

/**
 * The queue key of a write, so every name of one file shares a queue: the existing file's dev:ino (a hard link, a
 * followed symbolic link and the real name all give it). A file not made yet has no inode; its real path is the key,
 * folded as `platform`'s folders usually compare names: case-insensitive and normalization-insensitive on macOS
 * (APFS, HFS+), case-insensitive and blind to trailing dots and spaces on Windows (NTFS).
 */
export function writeQueueKey(existing: { dev: number; ino: number } | null, realPath: string, platform: NodeJS.Platform = process.platform): string {
  if (existing !== null) return `${existing.dev}:${existing.ino}`
  if (platform === 'darwin') return `new:${realPath.normalize('NFD').toLowerCase()}`
  // NOTE: Win32 drops trailing dots and spaces from each name ("a.md." opens "a.md"); `/` and `\` both separate.
  if (platform === 'win32') return `new:${realPath.split(/[\\/]/).map((part) => part.replace(/[. ]+$/, '')).join('\\').toLowerCase()}`
  return `new:${realPath}`
}
