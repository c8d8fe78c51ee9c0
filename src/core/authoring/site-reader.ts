import { readdir, stat } from 'node:fs/promises'
import { errnoCode, errnoToResult } from '../errno'
import { ok, type Result } from '@shared/result'
import type { ContentRoot } from '../content-root'
import { nodeFs } from '../fs-port'
import { openConfined, readAll } from '../store/confine'

/** Site files (config, archetypes) larger than this are treated as absent (bytes). */
const maxSiteFileBytes = 10 * 1024 * 1024

/** A file or folder name in a listed folder. */
export interface SiteEntry {
  name: string
  isFolder: boolean
}

/**
 * Reads the site's own files that are not articles (config, archetypes, theme archetypes), confined to the opened
 * folder through ContentRoot. Read-only: Folio writes only through the article store.
 */
export class SiteReader {
  constructor(private readonly root: ContentRoot) {}

  get rootPath(): string {
    return this.root.root
  }

  /** The file's bytes, or null when it does not exist (or is not a file). Other failures are Results. */
  async readBytes(relPath: string): Promise<Result<Uint8Array | null>> {
    const abs = await this.root.resolve(relPath)
    if (!abs.ok) return abs
    try {
      const info = await stat(abs.value)
      if (!info.isFile()) return ok(null)
      if (info.size > maxSiteFileBytes) return ok(null)
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null)
      return errnoToResult(error, 'read', relPath)
    }
    // NOTE: read as the article store reads: opened, then proven inside the folder, so a link or FIFO swapped in
    // since the stat above can neither lead outside nor block.
    const opened = await openConfined(nodeFs, this.root.root, abs.value, relPath, true)
    if (!opened.ok) return opened.error.code === 'NOT_FOUND' ? ok(null) : opened
    const { handle, stats } = opened.value
    try {
      const bytes = await readAll(handle, stats.size, maxSiteFileBytes)
      return bytes.byteLength > maxSiteFileBytes ? ok(null) : ok(bytes)
    } catch (error) {
      return errnoToResult(error, 'read', relPath)
    } finally {
      // NOTE: closing a handle opened for reading cannot lose data.
      await handle.close().catch(() => undefined)
    }
  }

  /** The file's UTF-8 text, or null when absent. */
  async readText(relPath: string): Promise<Result<string | null>> {
    const bytes = await this.readBytes(relPath)
    if (!bytes.ok || bytes.value === null) return bytes as Result<null>
    return ok(new TextDecoder().decode(bytes.value).replace(/^\uFEFF/, ''))
  }

  /** The entries of a folder ('' for the root), sorted by name; [] when it does not exist. Links are skipped. */
  async list(relPath: string): Promise<Result<SiteEntry[]>> {
    const abs = relPath === '' ? { ok: true as const, value: this.root.root } : await this.root.resolve(relPath)
    if (!abs.ok) return abs
    try {
      const entries = await readdir(abs.value, { withFileTypes: true })
      return ok(entries.filter((e) => e.isFile() || e.isDirectory()).map((e) => ({ name: e.name, isFolder: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1)))
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOENT' || code === 'ENOTDIR') return ok([])
      return errnoToResult(error, 'list', relPath)
    }
  }

  /** Every file under a folder, relative to it, `/` separators (for bundle archetypes); at most `limit` files. */
  async filesUnder(relPath: string, limit = 200): Promise<Result<string[]>> {
    const out: string[] = []
    const pending = ['']
    while (pending.length > 0 && out.length < limit) {
      const sub = pending.pop() as string
      const listed = await this.list(sub === '' ? relPath : `${relPath}/${sub}`)
      if (!listed.ok) return listed
      for (const e of listed.value) {
        const child = sub === '' ? e.name : `${sub}/${e.name}`
        if (e.isFolder) pending.push(child)
        else out.push(child)
      }
    }
    return ok(out.sort())
  }
}
