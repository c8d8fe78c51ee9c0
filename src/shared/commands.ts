/**
 * The one command table: every command with its label, accelerator and menu place. The Electron menu, the
 * renderer's command palette and shortcuts sheet, and the keyboard handling read it, so they cannot disagree.
 * Accelerators use Electron's syntax (`CmdOrCtrl` is Cmd on macOS, Ctrl elsewhere).
 */

/** The top-level menus, in menu-bar order (macOS adds its app menu in front). */
export const menuNames = ['file', 'edit', 'view', 'go', 'help'] as const

/** A top-level menu. */
export type MenuName = (typeof menuNames)[number]

/** Where a command appears in the menu bar: menu, then group (separated), in table order within a group. */
export interface MenuPlace {
  menu: MenuName
  group: number
  /** macOS moves About and Settings into the app menu (platform convention). */
  macAppMenu?: boolean
}

/** Who carries a command out: the main process (dialogs, windows) or the renderer (the editor's state). */
export type CommandRunner = 'main' | 'renderer'

/** One command. */
export interface CommandSpec {
  id: string
  label: string
  accelerator?: string
  /** macOS's own accelerator where the convention differs (Cmd+M minimizes there). */
  macAccelerator?: string
  menu?: MenuPlace
  runner: CommandRunner
  /** Only the desktop app offers it (Reveal in Finder, zoom, reload, quit). */
  isDesktopOnly?: boolean
}

const file = (group: number): MenuPlace => ({ menu: 'file', group })
const view = (group: number): MenuPlace => ({ menu: 'view', group })
const go = (group: number): MenuPlace => ({ menu: 'go', group })
const help = (group: number): MenuPlace => ({ menu: 'help', group })

/** Every command, in menu order. Ids are `area.verb`; the renderer and main dispatch on them. */
export const commands = [
  { id: 'article.new', label: 'New Article…', accelerator: 'CmdOrCtrl+N', menu: file(0), runner: 'renderer' },
  { id: 'folder.open', label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', menu: file(0), runner: 'main' },
  { id: 'article.save', label: 'Save', accelerator: 'CmdOrCtrl+S', menu: file(1), runner: 'renderer' },
  { id: 'article.saveAll', label: 'Save All', accelerator: 'CmdOrCtrl+Shift+S', menu: file(1), runner: 'renderer' },
  { id: 'article.revert', label: 'Revert', menu: file(1), runner: 'renderer' },
  { id: 'article.rename', label: 'Rename…', accelerator: 'F2', menu: file(2), runner: 'renderer' },
  { id: 'article.move', label: 'Move…', menu: file(2), runner: 'renderer' },
  { id: 'article.duplicate', label: 'Duplicate', menu: file(2), runner: 'renderer' },
  { id: 'article.delete', label: 'Move to Trash', menu: file(2), runner: 'renderer' },
  { id: 'image.insert', label: 'Insert Image…', menu: file(2), runner: 'renderer' },
  { id: 'article.reveal', label: 'Reveal in File Manager', menu: file(2), runner: 'renderer', isDesktopOnly: true },
  { id: 'export.open', label: 'Export…', accelerator: 'CmdOrCtrl+E', menu: file(3), runner: 'renderer' },
  { id: 'settings.open', label: 'Settings…', accelerator: 'CmdOrCtrl+,', menu: { ...file(4), macAppMenu: true }, runner: 'renderer' },
  { id: 'tab.close', label: 'Close Tab', accelerator: 'CmdOrCtrl+W', menu: file(5), runner: 'renderer' },
  { id: 'palette.open', label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P', menu: view(0), runner: 'renderer' },
  { id: 'pane.toggleList', label: 'Toggle Article List', accelerator: 'CmdOrCtrl+B', menu: view(1), runner: 'renderer' },
  { id: 'pane.toggleForm', label: 'Toggle Front Matter Form', accelerator: 'CmdOrCtrl+Shift+M', menu: view(1), runner: 'renderer' },
  { id: 'pane.togglePreview', label: 'Toggle Preview', accelerator: 'CmdOrCtrl+Shift+V', menu: view(1), runner: 'renderer' },
  { id: 'pane.toggleOutline', label: 'Toggle Outline', accelerator: 'CmdOrCtrl+Shift+O', menu: view(1), runner: 'renderer' },
  { id: 'editor.toggleTabFocus', label: 'Tab Moves Focus', accelerator: 'Ctrl+M', macAccelerator: 'Ctrl+Shift+M', menu: view(1), runner: 'renderer' },
  { id: 'view.zoomIn', label: 'Zoom In', accelerator: 'CmdOrCtrl+=', menu: view(2), runner: 'main', isDesktopOnly: true },
  { id: 'view.zoomOut', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', menu: view(2), runner: 'main', isDesktopOnly: true },
  { id: 'view.zoomReset', label: 'Actual Size', accelerator: 'CmdOrCtrl+0', menu: view(2), runner: 'main', isDesktopOnly: true },
  { id: 'view.fullScreen', label: 'Toggle Full Screen', accelerator: 'F11', macAccelerator: 'Ctrl+Cmd+F', menu: view(3), runner: 'main', isDesktopOnly: true },
  { id: 'view.reload', label: 'Reload Window', accelerator: 'CmdOrCtrl+Shift+R', menu: view(3), runner: 'main', isDesktopOnly: true },
  { id: 'view.devTools', label: 'Toggle Developer Tools', accelerator: 'CmdOrCtrl+Shift+I', menu: view(3), runner: 'main', isDesktopOnly: true },
  { id: 'search.quickOpen', label: 'Quick Open…', accelerator: 'CmdOrCtrl+P', menu: go(0), runner: 'renderer' },
  { id: 'search.inFolder', label: 'Find in Folder…', accelerator: 'CmdOrCtrl+Shift+F', menu: go(0), runner: 'renderer' },
  { id: 'search.replaceInFolder', label: 'Replace in Folder…', accelerator: 'CmdOrCtrl+Shift+H', menu: go(0), runner: 'renderer' },
  { id: 'terms.open', label: 'Terms…', menu: go(0), runner: 'renderer' },
  { id: 'focus.list', label: 'Focus Article List', accelerator: 'CmdOrCtrl+1', menu: go(1), runner: 'renderer' },
  { id: 'focus.editor', label: 'Focus Editor', accelerator: 'CmdOrCtrl+2', menu: go(1), runner: 'renderer' },
  { id: 'focus.form', label: 'Focus Front Matter Form', accelerator: 'CmdOrCtrl+3', menu: go(1), runner: 'renderer' },
  { id: 'focus.preview', label: 'Focus Preview', accelerator: 'CmdOrCtrl+4', menu: go(1), runner: 'renderer' },
  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', menu: help(0), runner: 'renderer' },
  { id: 'help.about', label: 'About Folio', menu: { ...help(1), macAppMenu: true }, runner: 'main', isDesktopOnly: true },
] as const satisfies readonly CommandSpec[]

/** A command id from the table. */
export type CommandId = (typeof commands)[number]['id']

/** The accelerator of `command` on the platform, or undefined when it has none. */
export function acceleratorFor(command: CommandSpec, platform: KeyPlatform): string | undefined {
  return platform === 'mac' ? (command.macAccelerator ?? command.accelerator) : command.accelerator
}

/** The command with `id`, or undefined for an id not in the table (e.g. from an untrusted message). */
export function commandById(id: unknown): CommandSpec | undefined {
  return commands.find((command) => command.id === id)
}

/** Whether the app runs on macOS (Cmd, the app menu) or elsewhere (Ctrl). */
export type KeyPlatform = 'mac' | 'other'

const macSymbols: Record<string, string> = { CmdOrCtrl: '⌘', Cmd: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' }

/** How an accelerator reads on the platform: `⌘⇧P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function acceleratorLabel(accelerator: string, platform: KeyPlatform): string {
  const parts = accelerator.split('+').map((part, index, all) => (part === '' && index === all.length - 1 ? '+' : part)).filter((part) => part !== '')
  if (platform === 'mac') return parts.map((part) => macSymbols[part] ?? part).join('')
  return parts.map((part) => (part === 'CmdOrCtrl' || part === 'Cmd' ? 'Ctrl' : part)).join('+')
}

/** The keys of a keyboard event that matter for matching. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** True when `press` is `accelerator` on the platform (CmdOrCtrl is the Meta key on macOS, Ctrl elsewhere). */
export function matchesAccelerator(press: KeyPress, accelerator: string, platform: KeyPlatform): boolean {
  const parts = accelerator.split('+')
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '')
  const mods = new Set(parts.slice(0, -1))
  const wantsCmd = mods.has('CmdOrCtrl') || mods.has('Cmd')
  const wantsMeta = platform === 'mac' ? wantsCmd : false
  const wantsCtrl = platform === 'mac' ? mods.has('Ctrl') : wantsCmd || mods.has('Ctrl')
  if (press.metaKey !== wantsMeta || press.ctrlKey !== wantsCtrl || press.altKey !== mods.has('Alt')) return false
  // NOTE: Shift changes `key` for symbols ('=' becomes '+'), so Shift is compared only where the table asks for it
  // or the key is a letter.
  const isLetter = /^[a-z]$/i.test(key)
  if ((isLetter || mods.has('Shift')) && press.shiftKey !== mods.has('Shift')) return false
  return press.key.toLowerCase() === key.toLowerCase()
}

/** The command whose accelerator `press` is, or undefined. */
export function commandForKey(press: KeyPress, platform: KeyPlatform): CommandSpec | undefined {
  return (commands as readonly CommandSpec[]).find((command) => {
    const accelerator = acceleratorFor(command, platform)
    return accelerator !== undefined && matchesAccelerator(press, accelerator, platform)
  })
}
