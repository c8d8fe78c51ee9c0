import type { WebFrameMain } from 'electron'
import { appScheme } from '../renderer-protocol'

/** True when an IPC message comes from the top frame of our own renderer (app protocol, or the dev server). */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, devServerUrl: string | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false // NOTE: a frame without a parsable URL is not ours.
  }
  // NOTE: scheme and host, not `origin`: the WHATWG URL of the main process gives every non-special scheme
  // (folio-app:) the opaque origin "null", which would never match ours (and would match any other custom scheme).
  if (url.protocol === `${appScheme}:`) return url.host === 'app' && url.username === '' && url.port === ''
  return devServerUrl !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === new URL(devServerUrl).origin
}
