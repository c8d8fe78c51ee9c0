import { useSyncExternalStore } from 'react'
import type { EditingSession } from '../session/editing-session'
import { emptySnapshot, type SessionSnapshot } from '../session/session-snapshot'

const subscribeToNothing = (): (() => void) => () => {}
const getEmptySnapshot = (): SessionSnapshot => emptySnapshot

/** Re-renders the caller whenever the session's snapshot changes; the empty snapshot while there is no session yet. */
export function useSession(session: EditingSession | null): SessionSnapshot {
  return useSyncExternalStore(session?.subscribe ?? subscribeToNothing, session?.getSnapshot ?? getEmptySnapshot)
}
