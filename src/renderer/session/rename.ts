import type { SessionSnapshot } from './session-snapshot'
import { withoutItem } from './sets'

/** The snapshot fields after an open document moved from `from` to `to` (renamed outside Folio). */
export function renamedFields(snap: SessionSnapshot, from: string, to: string): Partial<SessionSnapshot> {
  const rename = (p: string): string => (p === from ? to : p)
  const renamedPaths = new Map(snap.renamedPaths)
  renamedPaths.set(to, renamedPaths.get(from) ?? from)
  renamedPaths.delete(from)
  return {
    openPaths: snap.openPaths.map(rename),
    activePath: snap.activePath === null ? null : rename(snap.activePath),
    dirtyPaths: new Set([...snap.dirtyPaths].map(rename)),
    missingPaths: withoutItem(snap.missingPaths, from),
    conflictPath: snap.conflictPath === null ? null : rename(snap.conflictPath),
    renamedPaths,
  }
}
