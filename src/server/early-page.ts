import { statSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { EarlyData } from '@shared/early-data'
import { earlyPage, stylesheetLinks } from '@shared/early-page'
import { errnoCode } from '../core/errno'
import { resolveStatic } from './static-files'

/** The built page and its stylesheets' texts (by href), as earlyPage takes them. */
export interface PageParts {
  html: string
  styles: Map<string, string>
}

/**
 * The built index.html and its stylesheets, read once and kept, so serving the page costs no file read. NOTE: the
 * first page is asked for while the folder index starts (a browser opened on the printed URL at once): each read
 * through the thread pool waited for turns of an event loop busy with the index's first batches. A rebuild while
 * serving is noticed by index.html's size, mtime and inode (one stat, no wait), and the page is read again.
 */
export class PageTemplate {
  private parts: Promise<PageParts | null> | null = null
  private stamp = ''

  constructor(private readonly rendererDir: string) {}

  /** The page's parts; null when the build has no index.html. */
  get(): Promise<PageParts | null> {
    const stats = statSync(path.join(this.rendererDir, 'index.html'), { throwIfNoEntry: false })
    const stamp = stats === undefined ? '' : `${stats.size}:${stats.mtimeMs}:${stats.ino}`
    if (this.parts === null || stamp !== this.stamp) {
      this.stamp = stamp
      this.parts = this.read()
    }
    return this.parts
  }

  private async read(): Promise<PageParts | null> {
    const file = await resolveStatic(this.rendererDir, '/')
    if (file === null) return null
    let html: string
    try {
      html = await fs.readFile(file, 'utf8')
    } catch (error) {
      // NOTE: gone since it was found (a rebuild): no page, as for any missing file; the next request looks again.
      if (errnoCode(error) === undefined) throw error
      this.parts = null
      return null
    }
    return { html, styles: await pageStyles(this.rendererDir, html) }
  }
}

/**
 * Makes a page once from made-up data, so the first real request does not pay for first use: the runtime loads its
 * locale data on the first Intl formatter (30-90 ms of CPU here), and the first screen's code runs cold.
 */
export function warmEarlyPage(parts: PageParts): void {
  const article = { path: 'a.md', title: 'A', date: '2024-01-02', isDraft: false, format: 'yaml' as const, tags: [], categories: [], buildStatus: 'published' as const }
  const data: EarlyData = { folder: { ok: true, value: { root: '/a', name: 'a' } }, index: { ok: true, value: { articles: [article], done: 1, total: 2, isComplete: false, nextAfter: null } } }
  earlyPage(parts.html, data, { styles: parts.styles })
}

/**
 * The texts of the page's stylesheets (by href, as linked from index.html), read from the built renderer for
 * earlyPage to write into the page; a stylesheet outside `rendererDir` or unreadable is left out (its link stays).
 */
export async function pageStyles(rendererDir: string, html: string): Promise<Map<string, string>> {
  const styles = new Map<string, string>()
  for (const { href } of stylesheetLinks(html)) {
    const file = await resolveStatic(rendererDir, new URL(href, 'http://page/').pathname)
    if (file === null) continue
    try {
      styles.set(href, await fs.readFile(file, 'utf8'))
    } catch (error) {
      // NOTE: gone since it was found (a rebuild): the page keeps its link, which then fails as any missing file.
      if (errnoCode(error) === undefined) throw error
    }
  }
  return styles
}

/**
 * The reader's locale from an Accept-Language header (its first tag, which Chromium also gives as
 * navigator.language), so the served dates and counts read as the page's own Intl will write them; undefined
 * when there is none or it is not a valid tag.
 */
export function requestLocale(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim()
  if (first === undefined || first === '' || first === '*') return undefined
  try {
    return Intl.getCanonicalLocales(first)[0]
  } catch (error) {
    // NOTE: a malformed tag is the client's mistake, not a bug: the host's own locale then.
    if (error instanceof RangeError) return undefined
    throw error
  }
}
