import type { ServerResponse } from 'node:http'
import { answerAsset, assetFailureStatus, assetPathFromUrl } from '../core/asset-files'
import type { ContentRoot } from '../core/content-root'

/** The URL prefix of the read-only asset route: `/asset/<capability>/<percent-encoded path in the folder>`. */
export const assetRoutePrefix = '/asset/'

/**
 * The prefix the page puts before an asset's encoded path: the route plus this run's capability. NOTE: an `<img>` can
 * send no header and a cookie would reach every port of 127.0.0.1, so the secret is in the path, which the page
 * learns only through the token-checked `/api/session`.
 */
export function assetPrefixFor(capability: string): string {
  return `${assetRoutePrefix}${capability}/`
}

/** The encoded path after `/asset/<capability>/`, or null when the URL path does not carry this run's capability. */
export function assetPathAfterCapability(urlPath: string, isCapability: (given: string) => boolean): string | null {
  if (!urlPath.startsWith(assetRoutePrefix)) return null
  const rest = urlPath.slice(assetRoutePrefix.length)
  const slash = rest.indexOf('/')
  return slash > 0 && isCapability(rest.slice(0, slash)) ? rest.slice(slash + 1) : null
}

/**
 * Answers `GET|HEAD /asset/<capability>/<path>` with an image or media file of the content folder (nosniff, sandboxing CSP;
 * a single `Range` gets 206 or 416, so media can seek), or a plain-text 403 (refused path or type) / 404. The
 * caller has checked the capability and Host.
 */
export async function sendAsset(res: ServerResponse, root: ContentRoot, encodedPath: string, isHead: boolean, rangeHeader?: string): Promise<void> {
  const relPath = assetPathFromUrl(encodedPath)
  const answer = relPath.ok ? await answerAsset(root, relPath.value, rangeHeader, isHead) : relPath
  if (!answer.ok) {
    const status = assetFailureStatus(answer.error.code)
    const text = status === 403 ? 'Forbidden.' : 'Not found.'
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) })
    return void res.end(text)
  }
  res.writeHead(answer.value.status, answer.value.headers)
  res.end(answer.value.body ?? undefined)
}
