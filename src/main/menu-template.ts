import type { MenuItemConstructorOptions } from 'electron'
import type { RecentFolder } from '@shared/api'
import { acceleratorFor, commands, menuNames, type CommandSpec, type KeyPlatform, type MenuName } from '@shared/commands'

/** What the menu needs to act: the platform's conventions, the recent folders, and what each item does. */
export interface MenuContext {
  platform: KeyPlatform
  appName: string
  recent: readonly RecentFolder[]
  /** Runs a command of the table (main runs its own; renderer commands are sent to the window). */
  run: (id: string) => void
  openRecent: (path: string) => void
  forgetMissing: () => void
  clearRecent: () => void
}

const menuLabels: Record<MenuName, string> = { file: '&File', edit: '&Edit', view: '&View', go: '&Go', help: '&Help' }

function commandItem(command: CommandSpec, context: MenuContext): MenuItemConstructorOptions {
  const accelerator = acceleratorFor(command, context.platform)
  // NOTE: accelerators stay registered for renderer commands too: Chromium gives the page the key first and the
  // menu only keys the page left unhandled (its key handlers call preventDefault), so a key runs once either way.
  return { id: command.id, label: command.label, ...(accelerator === undefined ? {} : { accelerator }), click: () => context.run(command.id) }
}

/** File > Open Recent: each recent folder (missing ones greyed), then removing missing ones and clearing the list. */
export function openRecentMenu(context: MenuContext): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = context.recent.map((folder) => ({
    label: folder.isMissing ? `${folder.path} (missing)` : folder.path,
    enabled: !folder.isMissing,
    click: () => context.openRecent(folder.path),
  }))
  const hasMissing = context.recent.some((folder) => folder.isMissing)
  return {
    id: 'folder.openRecent',
    label: 'Open &Recent',
    submenu: [
      ...(items.length === 0 ? [{ label: 'No Recent Folders', enabled: false }] : items),
      { type: 'separator' },
      { id: 'recent.forgetMissing', label: 'Remove Missing Folders', enabled: hasMissing, click: context.forgetMissing },
      { id: 'recent.clear', label: 'Clear Recently Opened', enabled: items.length > 0, click: context.clearRecent },
    ],
  }
}

function withSeparators(groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return groups.filter((group) => group.length > 0).flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]))
}

function groupsOf(menu: MenuName, context: MenuContext): MenuItemConstructorOptions[][] {
  const isMac = context.platform === 'mac'
  const groups: MenuItemConstructorOptions[][] = []
  for (const command of commands as readonly CommandSpec[]) {
    if (command.menu?.menu !== menu || (isMac && command.menu.macAppMenu === true)) continue
    ;(groups[command.menu.group] ??= []).push(commandItem(command, context))
  }
  if (menu === 'file') {
    ;(groups[0] ??= []).push(openRecentMenu(context))
    // NOTE: Cmd+W closes the tab (the table); the window closes with Cmd+Shift+W as in browsers and VS Code.
    groups.push([isMac ? { role: 'close', label: 'Close Window', accelerator: 'Cmd+Shift+W' } : { role: 'quit', label: 'E&xit', accelerator: 'Ctrl+Q' }])
  }
  return groups.map((group) => group ?? [])
}

const editMenu: MenuItemConstructorOptions[][] = [
  [
    { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
    { role: 'redo', accelerator: 'Shift+CmdOrCtrl+Z' },
  ],
  [
    { role: 'cut', accelerator: 'CmdOrCtrl+X' },
    { role: 'copy', accelerator: 'CmdOrCtrl+C' },
    { role: 'paste', accelerator: 'CmdOrCtrl+V' },
    { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
  ],
]

function appMenu(context: MenuContext): MenuItemConstructorOptions {
  const own = (commands as readonly CommandSpec[]).filter((command) => command.menu?.macAppMenu === true)
  const about = own.filter((command) => command.menu?.menu === 'help').map((command) => commandItem(command, context))
  const settings = own.filter((command) => command.menu?.menu !== 'help').map((command) => commandItem(command, context))
  return {
    label: context.appName,
    submenu: withSeparators([
      about,
      settings,
      [{ role: 'services' }],
      [
        { role: 'hide', accelerator: 'Cmd+H' },
        { role: 'hideOthers', accelerator: 'Cmd+Alt+H' },
        { role: 'unhide' },
      ],
      [{ role: 'quit', accelerator: 'Cmd+Q' }],
    ]),
  }
}

/**
 * The application menu from the one command table: every command with a menu place and its accelerator, plus Open
 * Recent and the platform's conventions: on macOS the app menu (About, Settings, Services, Hide, Quit) and a Window
 * menu; elsewhere Exit in File and About in Help. `Cmd` on macOS, `Ctrl` elsewhere (CmdOrCtrl).
 */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'mac'
  const menus = menuNames.map(
    (name): MenuItemConstructorOptions => ({
      label: isMac ? menuLabels[name].replace('&', '') : menuLabels[name],
      ...(name === 'help' ? { role: 'help' as const } : {}),
      submenu: withSeparators(name === 'edit' ? editMenu : groupsOf(name, context)),
    }),
  )
  if (!isMac) return menus
  const window: MenuItemConstructorOptions = { role: 'windowMenu' }
  return [appMenu(context), ...menus.slice(0, -1), window, ...menus.slice(-1)]
}

/** Every item of a template, depth first (for lookups and tests). */
export function flattenMenu(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flattenMenu(item.submenu) : [])])
}
