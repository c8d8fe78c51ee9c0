import type { ServerResponse } from 'node:http'
import { assetFailureStatus, assetHeaders, assetPathFromUrl, readAsset } from '../asset-files'
import type { ContentRoot } from '../content-root'

/** The URL prefix of the read-only asset route; the rest of the path is the percent-encoded path in the folder. */
export const assetRoutePrefix = '/asset/'

/**
 * Answers `GET|HEAD /asset/<path>` with an image or media file of the content folder (nosniff, sandboxing CSP),
 * or a plain-text 403 (refused path or type) / 404. The caller has checked the token and Host.
 */
export async function sendAsset(res: ServerResponse, root: ContentRoot, encodedPath: string, isHead: boolean): Promise<void> {
  const relPath = assetPathFromUrl(encodedPath)
  const asset = relPath.ok ? await readAsset(root, relPath.value) : relPath
  if (!asset.ok) {
    const status = assetFailureStatus(asset.error.code)
    const text = status === 403 ? 'Forbidden.' : 'Not found.'
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) })
    return void res.end(text)
  }
  res.writeHead(200, assetHeaders(asset.value.contentType, asset.value.bytes.byteLength))
  res.end(isHead ? undefined : asset.value.bytes)
}
