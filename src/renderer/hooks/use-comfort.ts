import { useCallback, useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { commandForKey, type CommandSpec, type KeyPlatform } from '@shared/commands'
import type { Workspace } from '../workspace'
import { isBrowserMode } from '../api'
import { useSettings, type SettingsHandle } from './use-settings'

/** Which overlay of the writing-comfort part is open. */
export type ComfortOverlay = 'palette' | 'shortcuts' | 'settings' | 'replace' | 'folder' | null

/** What the workbench needs from the writing-comfort layer. */
export interface Comfort {
  platform: KeyPlatform
  settings: SettingsHandle
  overlay: ComfortOverlay
  setOverlay: (overlay: ComfortOverlay) => void
  isOutlineOpen: boolean
  setOutlineOpen: (isOpen: boolean) => void
  /** The one-time hint shown in the status bar while the editor first has focus. */
  hint: string | null
  isAvailable: (command: CommandSpec) => boolean
  run: (id: string) => void
}

const platform: KeyPlatform = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other'
// NOTE: commands other parts of the UI bind themselves (the list's quick open and search, Save); the palette runs them
// by replaying their key, so each keeps one home.
const replayed = new Set(['search.quickOpen', 'search.inFolder', 'article.save'])

function focusFirst(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector)
  element?.focus()
}

/** What the palette hands to other parts of the workbench. */
export interface ComfortActions {
  onExport?: () => void
  onRevert?: () => void
  /** New article, Rename, Move, Move to Trash (the authoring layer's dialogs). */
  onArticleCommand?: (id: 'article.new' | 'article.rename' | 'article.move' | 'article.delete') => void
  /** Shows or hides the list, the form or the preview. */
  onTogglePane?: (id: 'pane.toggleList' | 'pane.toggleForm' | 'pane.togglePreview') => void
  /** Any other command the workbench carries out (duplicate, insert image, terms); true when it did. */
  onCommand?: (id: string) => boolean
}

/**
 * Settings, the command palette, the shortcuts sheet, the outline toggle, focus moves between panes (Ctrl/Cmd+1..4)
 * and "Tab moves focus" (Ctrl/Cmd+M): the keys come from the shared command table.
 */
export function useComfort(api: FolioApi | undefined, workspace: Workspace | null, actions: ComfortActions): Comfort {
  const settings = useSettings(api)
  const [overlay, setOverlay] = useState<ComfortOverlay>(null)
  const [isOutlineOpen, setOutlineOpen] = useState(false)
  const [hint, setHint] = useState<string | null>(null)
  const editor = workspace?.editor ?? null
  const session = workspace?.session ?? null
  const { settings: values, update } = settings
  useEffect(() => {
    if (!editor) return
    // NOTE: the setting is the one wrapping state: the toolbar's Wrap lines toggle changes the setting too.
    editor.setLineWrapping(values.isWrapping)
    editor.setTabMovesFocus(values.isTabMovingFocus)
    editor.setSpellChecking(values.isSpellChecking)
    editor.setAppearance({ font: values.editorFont, fontSize: values.editorFontSize, lineWidth: values.lineWidth })
  }, [editor, values.isWrapping, values.isTabMovingFocus, values.isSpellChecking, values.editorFont, values.editorFontSize, values.lineWidth])
  // NOTE: applied only once the stored settings are known, so a session never starts with the default and then flips.
  useEffect(() => {
    if (session && settings.isLoaded) session.setAutosave(values.autosave)
  }, [session, settings.isLoaded, values.autosave])
  // NOTE: the Esc-then-Tab hint shows the first time the editor has focus, and is remembered once focus leaves it.
  useEffect(() => {
    if (!editor || values.hasSeenTabHint || !settings.isLoaded) return undefined
    const content = editor.view.contentDOM
    const onIn = () => setHint('Tip: press Esc then Tab to leave the editor')
    const onOut = () => {
      setHint(null)
      update({ hasSeenTabHint: true })
    }
    content.addEventListener('focusin', onIn)
    content.addEventListener('focusout', onOut)
    return () => {
      content.removeEventListener('focusin', onIn)
      content.removeEventListener('focusout', onOut)
    }
  }, [editor, values.hasSeenTabHint, settings.isLoaded, update])
  // NOTE: Open Folder belongs to main's menu, but the palette offers it too (its dialog adds the recent folders and, in
  // the browser, the path field).
  const isAvailable = useCallback((command: CommandSpec) => !(command.isDesktopOnly === true && isBrowserMode) && (command.runner === 'renderer' || command.id === 'folder.open'), [])
  const run = useCallback(
    (id: string) => {
      // NOTE: the authoring commands (new, rename, move, duplicate, delete, insert image, terms) have their own home.
      if (actions.onCommand?.(id) === true) return
      if (id === 'palette.open') setOverlay('palette')
      else if (id === 'help.shortcuts') setOverlay('shortcuts')
      else if (id === 'settings.open') setOverlay('settings')
      else if (id === 'search.replaceInFolder') setOverlay('replace')
      else if (id === 'folder.open') setOverlay('folder')
      else if (id === 'pane.toggleOutline') setOutlineOpen((open) => !open)
      else if (id === 'pane.toggleList' || id === 'pane.toggleForm' || id === 'pane.togglePreview') actions.onTogglePane?.(id)
      else if (id === 'editor.toggleTabFocus') update({ isTabMovingFocus: !settings.settings.isTabMovingFocus })
      else if (id === 'focus.list') focusFirst('[role="listbox"][aria-label="Articles"]')
      else if (id === 'focus.editor') editor?.focus()
      else if (id === 'focus.form') focusFirst('form[aria-label="Front matter"] input, form[aria-label="Front matter"] select, form[aria-label="Front matter"] button')
      else if (id === 'focus.preview') focusFirst('iframe.preview-frame')
      else if (id === 'article.saveAll') void session?.saveAll()
      else if (id === 'article.revert') actions.onRevert?.()
      else if (id === 'export.open') actions.onExport?.()
      else if (id === 'article.new' || id === 'article.rename' || id === 'article.move' || id === 'article.delete') actions.onArticleCommand?.(id)
      else if (id === 'tab.close') {
        const path = session?.getSnapshot().activePath
        if (path != null && !session?.getSnapshot().dirtyPaths.has(path)) session?.close(path)
      } else if (replayed.has(id)) {
        const key = id === 'search.quickOpen' ? { key: 'p' } : id === 'search.inFolder' ? { key: 'F', shiftKey: true } : { key: 's' }
        window.dispatchEvent(new KeyboardEvent('keydown', { ...key, [platform === 'mac' ? 'metaKey' : 'ctrlKey']: true, bubbles: true }))
      }
    },
    [editor, session, update, settings.settings.isTabMovingFocus, actions],
  )
  useEffect(() => {
    const handled = new Set(['palette.open', 'help.shortcuts', 'settings.open', 'search.replaceInFolder', 'pane.toggleOutline', 'pane.toggleList', 'pane.toggleForm', 'pane.togglePreview', 'editor.toggleTabFocus', 'focus.list', 'focus.editor', 'focus.form', 'focus.preview'])
    // NOTE: in the desktop app Ctrl/Cmd+O is the menu's (the system dialog); the browser has no such menu.
    if (isBrowserMode) handled.add('folder.open')
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event, platform)
      if (command === undefined || !handled.has(command.id)) return
      event.preventDefault()
      run(command.id)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [run])
  return { platform, settings, overlay, setOverlay, isOutlineOpen, setOutlineOpen, hint, isAvailable, run }
}
