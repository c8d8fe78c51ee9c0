import type { RequestHandlers } from './api'
import { earlyDataElementId, earlyDataJson, earlyIndexRows, type EarlyData } from './early-data'
import { firstScreenHtml, withFirstScreen } from './first-screen'

/**
 * The folder and the first rows of its index, from the same handlers the page would call: the host answers both
 * from memory (the index never waits for its workers), so serving them costs no wait.
 */
export async function earlyDataOf(handlers: RequestHandlers): Promise<EarlyData> {
  const folder = await handlers.getFolder()
  const index = folder.ok && folder.value !== null ? await handlers.getArticleIndex({ after: null, limit: earlyIndexRows }) : null
  return { folder, index }
}

/**
 * `html` with the EarlyData added as a `<script type="application/json">` element just before `</body>` (at the end
 * when there is none). NOTE: a data block is never run, so the strict CSP (script-src 'self') stays as it is, and
 * earlyDataJson escapes `<`, so no title can end the element.
 */
export function withEarlyData(html: string, data: EarlyData): string {
  const element = `<script type="application/json" id="${earlyDataElementId}">${earlyDataJson(data)}</script>`
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + element : html.slice(0, at) + element + html.slice(at)
}

/** What the host knows of the reader for the served page (see earlyPage). */
export interface PageOptions {
  /** Formats the first screen's dates and counts as the page's own Intl will; undefined: the runtime's. */
  locale?: string
  /** The stylesheets to write into the page, by href (see withInlineStyles). */
  styles?: ReadonlyMap<string, string>
  /** The theme the user chose (settings): written on `<html>` as the app would set it, so the first paint has it. */
  theme?: 'system' | 'light' | 'dark'
}

/**
 * The page a host serves (`folio serve`, the desktop app's protocol handler): `html` (the built index.html) with the
 * EarlyData element and, inside `#root`, the first screen as HTML (see first-screen.ts), so the first paint shows
 * rows before any script runs.
 */
export function earlyPage(html: string, data: EarlyData, options: PageOptions = {}): string {
  const { locale, styles = new Map(), theme = 'system' } = options
  return withEarlyData(withFirstScreen(withTheme(withInlineStyles(html, styles), theme), firstScreenHtml(data, locale)), data)
}

/**
 * `html` with `data-theme` on its `<html>` element for a chosen light or dark theme (what useSettings sets once the
 * settings are loaded); unchanged for the system theme.
 */
export function withTheme(html: string, theme: 'system' | 'light' | 'dark'): string {
  if (theme !== 'light' && theme !== 'dark') return html
  return html.replace(/<html\b/i, `<html data-theme="${theme}"`)
}

/** The page's stylesheet links (`<link rel="stylesheet" … href="…">`, as Vite writes them), in order. */
export function stylesheetLinks(html: string): { tag: string; href: string }[] {
  const links: { tag: string; href: string }[] = []
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0]
    const href = /\shref="([^"]+)"/i.exec(tag)?.[1]
    if (/\srel="stylesheet"/i.test(tag) && href !== undefined) links.push({ tag, href })
  }
  return links
}

/**
 * Whether a stylesheet can move into the page as it is: nothing in it resolves against its own address (`url(`,
 * `@import`) and nothing can end a `<style>` element.
 */
export function isInlinable(css: string): boolean {
  return !/url\(|@import|<\/style/i.test(css)
}

/**
 * `html` with each stylesheet link whose text `styles` holds (by href) replaced by a `<style>` element with that
 * text, in the same place. NOTE: the stylesheet blocks the first paint; in the page it costs no second request to a
 * host that is busy indexing (the CSP's style-src allows inline styles). Only isInlinable texts are used.
 */
export function withInlineStyles(html: string, styles: ReadonlyMap<string, string>): string {
  let page = html
  for (const { tag, href } of stylesheetLinks(html)) {
    const css = styles.get(href)
    if (css !== undefined && isInlinable(css)) page = page.replace(tag, () => `<style>${css}</style>`)
  }
  return page
}
