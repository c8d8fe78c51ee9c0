import type { FolioApi } from '@shared/api'
import { createHttpApi } from './http-api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    api?: FolioApi
  }
}

/** True when the UI runs in a plain browser against `folio serve` rather than inside Electron. */
export const isBrowserMode: boolean = typeof window === 'undefined' || window.api === undefined

/** The host API: the preload's `window.api` in Electron, else the same contract over HTTP. The only user of `window.api`. */
export const api: FolioApi =
  typeof window !== 'undefined' && window.api !== undefined
    ? window.api
    : createHttpApi({
        fetch: (input, init) => fetch(input, init),
        createEventSource: (url) => new EventSource(url, { withCredentials: true }),
      })
