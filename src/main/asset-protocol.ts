import { protocol, type CustomScheme } from 'electron'
import { answerAsset, assetFailureStatus, assetPathFromUrl } from '../core/asset-files'
import type { ContentRoot } from '../core/content-root'

/** The scheme the preview loads images and media of the open folder from: `folio-asset://root/<encoded path>`. */
export const assetScheme = 'folio-asset'

/** The only host of the asset scheme. */
export const assetHost = 'root'

/** Registered with the app scheme before `app.ready` (standard so URLs parse with a host; secure like https). */
export const assetSchemePrivileges: CustomScheme = { scheme: assetScheme, privileges: { standard: true, secure: true, stream: true } }

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
}

/**
 * Serves image and media files of the open folder read-only through the same core resolution as `folio serve`'s
 * `/asset/` route (confined to the root, no `..` or symlink escapes, media types only); 404 when no folder is open.
 * Returns a disposer.
 */
export function serveAssets(getRoot: () => ContentRoot | null): () => void {
  protocol.handle(assetScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.')
    const url = new URL(request.url)
    const root = getRoot()
    if (url.host !== assetHost || root === null) return plain(404, 'Not found.')
    const relPath = assetPathFromUrl(url.pathname.replace(/^\/+/, ''))
    const answer = relPath.ok ? await answerAsset(root, relPath.value, request.headers.get('range'), request.method === 'HEAD') : relPath
    if (!answer.ok) {
      const status = assetFailureStatus(answer.error.code)
      return plain(status, status === 403 ? 'Forbidden.' : 'Not found.')
    }
    const { status, headers, body } = answer.value
    return new Response(body === null ? null : new Uint8Array(body), { status, headers })
  })
  return () => protocol.unhandle(assetScheme)
}
