import type { ServerResponse } from 'node:http'
import { answerAsset, assetFailureStatus, assetPathFromUrl } from '../asset-files'
import type { ContentRoot } from '../content-root'

/** The URL prefix of the read-only asset route; the rest of the path is the percent-encoded path in the folder. */
export const assetRoutePrefix = '/asset/'

/**
 * Answers `GET|HEAD /asset/<path>` with an image or media file of the content folder (nosniff, sandboxing CSP;
 * a single `Range` gets 206 or 416, so media can seek), or a plain-text 403 (refused path or type) / 404. The
 * caller has checked the token and Host.
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
