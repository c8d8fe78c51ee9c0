/** Longest path kept (UTF-16 units); a longer one is cut, which only shortens the name in a report. */
const maxChars = 4096

/**
 * Memory shared by an index worker and its parent where the worker marks the file it is working on, so that the
 * parent can name that file when the worker dies (out of memory) or overruns its time budget, and tell a busy
 * worker from a stuck one. Writing costs two stores and a copy per file: no message is posted.
 */
export class ShardCursor {
  private readonly header: Int32Array
  private readonly chars: Uint16Array

  /** A new cursor, or one over the buffer another thread made. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8 + maxChars * 2)) {
    this.header = new Int32Array(buffer, 0, 2)
    this.chars = new Uint16Array(buffer, 8, maxChars)
  }

  /** Marks `rel` as the file being read now, and counts one more file started. */
  enter(rel: string): void {
    const length = Math.min(rel.length, maxChars)
    for (let i = 0; i < length; i++) this.chars[i] = rel.charCodeAt(i)
    Atomics.store(this.header, 0, length)
    Atomics.add(this.header, 1, 1)
  }

  /** Marks that no file is being read. */
  leave(): void {
    Atomics.store(this.header, 0, 0)
  }

  /** The file being read now, or null. */
  current(): string | null {
    const length = Atomics.load(this.header, 0)
    return length === 0 ? null : String.fromCharCode(...this.chars.subarray(0, length))
  }

  /** How many files have been started so far (wraps around; compare for change only). */
  started(): number {
    return Atomics.load(this.header, 1)
  }

  /** Forgets the file (after the parent has dealt with a dead worker). */
  clear(): void {
    Atomics.store(this.header, 0, 0)
  }
}

/** Runs `work` on file `rel` with the cursor marking it, if there is a cursor. */
export function onFile<T>(cursor: ShardCursor | null, rel: string, work: () => T): T {
  if (cursor === null) return work()
  cursor.enter(rel)
  try {
    return work()
  } finally {
    cursor.leave()
  }
}
