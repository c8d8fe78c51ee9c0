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
