/** When unsaved edits are saved without asking: never (default), after a pause in typing, or when focus leaves. */
export type AutosaveMode = 'off' | 'pause' | 'focus'

/** The pause after the last change before an `pause` autosave. */
export const autosavePauseMs = 1500

const storageKey = (folderRoot: string): string => `folio.autosave:${folderRoot}`

/** The autosave mode remembered for a folder; `off` when none was chosen or storage is unavailable. */
export function loadAutosaveMode(storage: Pick<Storage, 'getItem'> | undefined, folderRoot: string): AutosaveMode {
  const value = storage?.getItem(storageKey(folderRoot))
  return value === 'pause' || value === 'focus' ? value : 'off'
}

/** Remembers the autosave mode of a folder. */
export function storeAutosaveMode(storage: Pick<Storage, 'setItem'> | undefined, folderRoot: string, mode: AutosaveMode): void {
  storage?.setItem(storageKey(folderRoot), mode)
}

/** One pending autosave per document, fired `autosavePauseMs` after the last change; `run` decides whether to save. */
export class AutosaveTimers {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(private readonly run: (path: string) => void) {}

  /** (Re)starts the pause for `path`. */
  schedule(path: string): void {
    this.cancel(path)
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path)
        this.run(path)
      }, autosavePauseMs),
    )
  }

  /** Cancels the pending autosave of `path`, if any. */
  cancel(path: string): void {
    const timer = this.timers.get(path)
    if (timer !== undefined) clearTimeout(timer)
    this.timers.delete(path)
  }

  /** Cancels every pending autosave. */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
