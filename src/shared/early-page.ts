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

/**
 * The page a host serves (`folio serve`, the desktop app's protocol handler): `html` (the built index.html) with the
 * EarlyData element and, inside `#root`, the first screen as HTML (see first-screen.ts), so the first paint shows
 * rows before any script runs. `locale` formats its dates and counts as the page's own Intl will.
 */
export function earlyPage(html: string, data: EarlyData, locale: string | undefined): string {
  return withEarlyData(withFirstScreen(html, firstScreenHtml(data, locale)), data)
}
