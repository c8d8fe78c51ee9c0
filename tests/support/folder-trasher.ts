import fs from 'node:fs/promises'
import path from 'node:path'
import type { Trasher } from '../../src/core/store/trasher'

/** A Trasher for tests: moves each path into `trashDir` (as a system trash would) and records it. */
export function folderTrasher(trashDir: string): Trasher & { trashed: string[] } {
  const trashed: string[] = []
  const trasher = async (absPath: string): Promise<void> => {
    await fs.mkdir(trashDir, { recursive: true })
    await fs.rename(absPath, path.join(trashDir, `${trashed.length}-${path.basename(absPath)}`))
    trashed.push(absPath)
  }
  return Object.assign(trasher, { trashed })
}
