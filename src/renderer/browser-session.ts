/** Where the page keeps the session token between reloads (per tab, per origin: another port never sees it). */
export const tokenStorageKey = 'folio-session-token'

/** The page's location, history and per-tab storage; injectable for tests. */
export interface SessionPlace {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

/**
 * Takes the `folio serve` session token from the address the user opened (`/?token=…`), keeps it in the tab's
 * sessionStorage (so a reload keeps working) and removes it from the address bar and history. Null when the page was
 * opened without one. NOTE: the token is never put in a cookie, which every port of 127.0.0.1 would receive.
 */
export function takeSessionToken(place: SessionPlace): string | null {
  const params = new URLSearchParams(place.location.search)
  const given = params.get('token')
  if (given !== null && given !== '') {
    params.delete('token')
    const rest = params.toString()
    place.storage?.setItem(tokenStorageKey, given)
    place.history.replaceState(place.history.state, '', `${place.location.pathname}${rest === '' ? '' : `?${rest}`}${place.location.hash}`)
    return given
  }
  return place.storage?.getItem(tokenStorageKey) ?? null
}

/** The tab's sessionStorage, or null where the browser refuses it (storage disabled). */
export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage
  } catch (error) {
    // NOTE: a browser with storage disabled throws on access; the token then lasts until the next reload.
    console.warn('Folio cannot keep the session across reloads:', error)
    return null
  }
}
