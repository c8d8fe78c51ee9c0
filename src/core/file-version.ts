import { createHash } from 'node:crypto'
import type { FileVersion } from '@shared/api'

/** SHA-256 of bytes, lowercase hex. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The version record of bytes read or written, with the stat that went with them. */
export function versionOf(bytes: Uint8Array, mtimeMs: number): FileVersion {
  return { hash: hashBytes(bytes), size: bytes.byteLength, mtimeMs }
}

/** Remembers the last content hash Folio saw or wrote per article, so the watcher can drop echoes of known states. */
export class KnownHashes {
  private readonly hashes = new Map<string, string>()

  /** Records `hash` as the current content of `relPath`. */
  set(relPath: string, hash: string): void {
    this.hashes.set(relPath, hash)
  }

  /** The last recorded hash, or undefined when the file was never read or written. */
  get(relPath: string): string | undefined {
    return this.hashes.get(relPath)
  }

  /** Forgets a file (it was removed). */
  delete(relPath: string): void {
    this.hashes.delete(relPath)
  }
}
