import { isSafeExternalUrl } from '@shared/external-url'
import type { Result } from '@shared/result'
import { api, browserAssetPrefix, isBrowserMode } from '../api'

/** What the preview needs from its host: where it runs and how links leave the app. */
export interface PreviewHost {
  isBrowserMode: boolean
  /** Opens a checked http(s) URL in the system browser (Electron); browser mode answers UNSUPPORTED. */
  openExternal(url: string): Promise<Result<null>>
  /** Browser mode: this run's asset prefix (`/asset/<capability>/`); null when unknown. */
  assetPrefix?: () => Promise<string | null>
}

/** The host of the running app (the contract from api.ts). */
export const defaultPreviewHost: PreviewHost = { isBrowserMode, openExternal: (url) => api.openExternal(url), assetPrefix: browserAssetPrefix }

/**
 * Opens a link clicked in the preview outside the app, after the strict http(s) check: a new browser tab without
 * opener or referrer in browser mode, the system browser through the host in Electron. Anything else is ignored.
 */
export function openPreviewLink(url: string, host: PreviewHost): void {
  if (!isSafeExternalUrl(url)) return
  if (host.isBrowserMode) {
    window.open(url, '_blank', 'noopener,noreferrer')
    return
  }
  void host.openExternal(url).then((result) => {
    // NOTE: the host refuses only what the check above already refused, or the OS failed; there is nothing to retry.
    if (!result.ok) console.warn(`Folio could not open ${url}: ${result.error.message}`)
  })
}
