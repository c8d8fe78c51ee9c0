import fs from 'node:fs/promises'
import { stylesheetLinks } from '@shared/early-page'
import { errnoCode } from '../core/errno'
import { resolveStatic } from './static-files'

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
