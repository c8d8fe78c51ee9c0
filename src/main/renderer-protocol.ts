import { app, net, protocol } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EarlyData } from '@shared/early-data'
import { earlyPage, type PageOptions } from '@shared/early-page'
import { contentSecurityPolicy } from './security'
import { assetSchemePrivileges } from './asset-protocol'

/** The scheme the renderer is loaded from instead of file:// (so file:// stays off-limits). */
export const appScheme = 'folio-app'

/** The origin every trusted renderer frame has. */
export const appOrigin = `${appScheme}://app`

/** Must run before `app.ready` (once: it also registers the asset scheme): makes the scheme standard and secure so fetch and CSP 'self' behave. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }, assetSchemePrivileges])
}

/**
 * Serves the built renderer folder read-only; any path outside it is a 404. With `early`, index.html carries the open
 * folder and its first rows as data and as the first screen's HTML (see @shared/early-page), as `folio serve` does, so
 * the window paints rows before any script runs. Returns a disposer.
 */
export function serveRenderer(rendererDir: string, early?: () => Promise<{ data: EarlyData; theme: PageOptions['theme'] }>): () => void {
  const root = path.resolve(rendererDir)
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url)
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
    const target = path.resolve(root, relative)
    const inside = path.relative(root, target)
    if (url.host !== 'app' || inside.startsWith('..') || path.isAbsolute(inside)) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(target).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy)
    headers.set('X-Content-Type-Options', 'nosniff')
    if (early !== undefined && relative === 'index.html' && response.ok) {
      // NOTE: the data is what this window may ask over IPC anyway (getFolder, getArticleIndex); the locale is the one
      // Chromium gives the page as navigator.language.
      const { data, theme } = await early()
      const page = earlyPage(await response.text(), data, { locale: app.getLocale(), theme })
      headers.set('Content-Type', 'text/html; charset=utf-8')
      headers.delete('Content-Length')
      return new Response(page, { status: 200, headers })
    }
    return new Response(response.body, { status: response.status, headers })
  })
  return () => protocol.unhandle(appScheme)
}
