import fs from 'node:fs/promises'
import path from 'node:path'
import type { RecentFolder } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'

/** The file, in the state folder, that lists recently opened folders. */
export const recentFoldersFileName = 'recent-folders.json'

/** How many folders the list keeps. */
export const maxRecentFolders = 12

interface Stored {
  path: string
  openedAt: string
}

function parseStored(text: string): Stored[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // NOTE: a damaged list is not worth failing for: it starts again empty and is rewritten on the next open.
    if (error instanceof SyntaxError) return []
    throw error
  }
  if (!Array.isArray(value)) return []
  return value.filter((item): item is Stored => typeof item === 'object' && item !== null && typeof (item as Stored).path === 'string' && typeof (item as Stored).openedAt === 'string')
}

/**
 * The recently opened folders of one user (the desktop app's userData, or the browser mode's state folder), most
 * recent first, deduplicated by real path. Listing marks folders that no longer exist (`isMissing`); they stay until
 * forgotten, so a folder on an unplugged drive comes back.
 */
export class RecentFolders {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly stateDir: string,
    /** Windows and macOS compare paths without case. */
    private readonly isCaseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
  ) {}

  private get file(): string {
    return path.join(this.stateDir, recentFoldersFileName)
  }

  private same(a: string, b: string): boolean {
    return this.isCaseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b
  }

  private async read(): Promise<Stored[]> {
    try {
      return parseStored(await fs.readFile(this.file, 'utf8'))
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return []
      throw error
    }
  }

  private async write(items: Stored[]): Promise<Result<void>> {
    try {
      await fs.mkdir(this.stateDir, { recursive: true })
    } catch (error) {
      return errnoToResult(error, 'create the state folder', this.stateDir)
    }
    return writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify(items, null, 2)}\n`))
  }

  // NOTE: one change at a time, so two quick opens do not lose each other's entry.
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Puts `dir` (an absolute real path) first; `now` is the time of opening. */
  add(dir: string, now = new Date()): Promise<Result<void>> {
    return this.serial(async () => {
      const items = (await this.read()).filter((item) => !this.same(item.path, dir))
      return this.write([{ path: dir, openedAt: now.toISOString() }, ...items].slice(0, maxRecentFolders))
    })
  }

  /** Removes `dir` from the list; succeeds when it was not there. */
  forget(dir: string): Promise<Result<void>> {
    return this.serial(async () => {
      const items = await this.read()
      const kept = items.filter((item) => !this.same(item.path, dir))
      return kept.length === items.length ? ok(undefined) : this.write(kept)
    })
  }

  /** True when `dir` is on the list. */
  async has(dir: string): Promise<boolean> {
    return (await this.read()).some((item) => this.same(item.path, dir))
  }

  /** The list, most recent first, each marked missing when it is no longer a folder. */
  async list(): Promise<Result<RecentFolder[]>> {
    const items = await this.read()
    const folders = await Promise.all(
      items.map(async (item): Promise<RecentFolder> => {
        const stats = await fs.stat(item.path).catch(() => null)
        return { path: item.path, name: path.basename(item.path) || item.path, openedAt: item.openedAt, isMissing: stats === null || !stats.isDirectory() }
      }),
    )
    return ok(folders)
  }
}
