import { Menu } from 'electron'
import { buildMenuTemplate, type MenuContext } from './menu-template'

/** Installs (or replaces, e.g. after the recent folders changed) the application menu built from the command table. */
export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(context)))
}
