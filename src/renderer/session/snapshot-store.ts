/**
 * An observable immutable value for useSyncExternalStore: `update` replaces it with a patched copy and notifies.
 * Subclasses keep their own state private and publish what the UI needs through the snapshot.
 */
export class SnapshotStore<T extends object> {
  private readonly listeners = new Set<() => void>()

  constructor(private snapshot: T) {}

  /** The current snapshot; a new object after every change. */
  readonly getSnapshot = (): T => this.snapshot

  /** Calls `listener` after each change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Publishes a copy of the snapshot with `patch` applied. */
  protected update(patch: Partial<T>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }

  /** Publishes `snapshot` as is (e.g. back to an initial value). */
  protected replace(snapshot: T): void {
    this.snapshot = snapshot
    for (const listener of this.listeners) listener()
  }
}
