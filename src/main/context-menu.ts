import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron'
import { isSafeExternalUrl } from '@shared/external-url'

/** What the context menu's items do (the web contents' edit commands, its session's dictionary, the checked browser). */
export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  openExternal(url: string): void
  copyText(text: string): void
}

/** The parts of Electron's context-menu params the menu reads. */
export type ContextMenuInput = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'linkURL' | 'editFlags'>

const maxSuggestions = 6

/**
 * The right-click menu of the editor and the rest of the window: spelling suggestions and Add to Dictionary for a
 * misspelled word, Cut/Copy/Paste/Select All as the focused element allows, and Open Link/Copy Link for safe
 * http(s) links. Empty when nothing applies (no menu is shown then).
 */
export function contextMenuTemplate(params: ContextMenuInput, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const groups: MenuItemConstructorOptions[][] = []
  if (params.isEditable && params.misspelledWord !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, maxSuggestions).map((word): MenuItemConstructorOptions => ({ label: word, click: () => actions.replaceMisspelling(word) }))
    groups.push([
      ...(suggestions.length > 0 ? suggestions : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { label: `Add “${params.misspelledWord}” to Dictionary`, click: () => actions.addToDictionary(params.misspelledWord) },
    ])
  }
  if (params.linkURL !== '' && isSafeExternalUrl(params.linkURL)) {
    groups.push([
      { label: 'Open Link in Browser', click: () => actions.openExternal(params.linkURL) },
      { label: 'Copy Link', click: () => actions.copyText(params.linkURL) },
    ])
  }
  const flags = params.editFlags
  if (params.isEditable) {
    groups.push([
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ])
  } else if (params.selectionText.trim() !== '') {
    groups.push([{ role: 'copy', enabled: flags.canCopy }])
  }
  return groups.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]))
}

/** Shows contextMenuTemplate on every right-click in `contents` (its own spelling, edit commands and session dictionary). */
export function attachContextMenu(
  contents: Pick<WebContents, 'on' | 'replaceMisspelling' | 'session'>,
  deps: { popup: (template: MenuItemConstructorOptions[]) => void; openExternal: (url: string) => void; copyText: (text: string) => void },
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      openExternal: deps.openExternal,
      copyText: deps.copyText,
    })
    if (template.length > 0) deps.popup(template)
  })
}
