import type { FolioApi } from '@shared/api'
import { sessionStorageOrNull, takeSessionToken } from './browser-session'
import { createHttpApi, fetchAssetPrefix, type HttpDeps } from './http-api'
import { createLargePost } from './large-post'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    api?: FolioApi
  }
}

/** True when the UI runs in a plain browser against `folio serve` rather than inside Electron. */
export const isBrowserMode: boolean = typeof window === 'undefined' || window.api === undefined

function browserDeps(): HttpDeps {
  const token = typeof window === 'undefined' ? null : takeSessionToken({ location: window.location, history: window.history, storage: sessionStorageOrNull() })
  const fetchOnPage: typeof fetch = (input, init) => fetch(input, init)
  return { fetch: fetchOnPage, token, postLarge: createLargePost(fetchOnPage) }
}

const httpDeps: HttpDeps | null = typeof window !== 'undefined' && window.api !== undefined ? null : browserDeps()

/** The host API: the preload's `window.api` in Electron, else the same contract over HTTP. The only user of `window.api`. */
export const api: FolioApi = httpDeps === null ? (window.api as FolioApi) : createHttpApi(httpDeps)

let assetPrefix: Promise<string | null> | null = null

/** Browser mode: this run's asset prefix (asked once, on first use); null in Electron, or when the server refused. */
export function browserAssetPrefix(): Promise<string | null> {
  assetPrefix ??= httpDeps === null ? Promise.resolve(null) : fetchAssetPrefix(httpDeps)
  return assetPrefix
}
