import { net, protocol } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
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

/** Serves the built renderer folder read-only; any path outside it is a 404. Returns a disposer. */
export function serveRenderer(rendererDir: string): () => void {
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
    return new Response(response.body, { status: response.status, headers })
  })
  return () => protocol.unhandle(appScheme)
}
