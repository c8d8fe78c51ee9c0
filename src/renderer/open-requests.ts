import type { FolioApi, Unsubscribe } from '@shared/api'

let pending: string | null = null

/**
 * Desktop: remembers the last article the system asked to open (`open-article`, sent after a double-clicked `.md`
 * file opened its folder) until the workbench takes it. Started with the page, because the event can come while
 * the welcome screen still shows and the workbench (which opens articles) is not mounted yet.
 */
export function listenForOpenRequests(api: FolioApi): Unsubscribe {
  return api.onFolderEvent((event) => {
    if (event.kind === 'open-article') pending = event.path
  })
}

/** The waiting article request, once (null when none waits). */
export function takeOpenRequest(): string | null {
  const path = pending
  pending = null
  return path
}
