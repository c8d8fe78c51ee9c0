import { useSyncExternalStore } from 'react'
import type { EditingSession } from '../session/editing-session'
import type { SessionSnapshot } from '../session/session-snapshot'

/** Re-renders the caller whenever the session's snapshot changes. */
export function useSession(session: EditingSession): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}
