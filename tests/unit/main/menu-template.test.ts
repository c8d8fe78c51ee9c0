import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { commands, type CommandSpec, type KeyPlatform } from '../../../src/shared/commands'
import { buildMenuTemplate, flattenMenu, type MenuContext } from '../../../src/main/menu-template'

const recent = [
  { path: '/sites/blog/content', name: 'content', openedAt: '2026-01-02T00:00:00Z', isMissing: false },
  { path: '/gone/site', name: 'site', openedAt: '2026-01-01T00:00:00Z', isMissing: true },
]

function context(platform: KeyPlatform, overrides: Partial<MenuContext> = {}): MenuContext {
  return { platform, appName: 'Folio', recent, run: vi.fn(), openRecent: vi.fn(), forgetMissing: vi.fn(), clearRecent: vi.fn(), ...overrides }
}

const issueCommands = ['article.new', 'folder.open', 'article.save', 'article.saveAll', 'article.revert', 'export.open', 'search.inFolder', 'search.quickOpen', 'palette.open', 'settings.open', 'pane.toggleList', 'pane.toggleForm', 'pane.togglePreview', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset', 'help.about', 'help.shortcuts', 'article.reveal']

// NOTE: Electron reads CmdOrCtrl as Cmd on macOS and Ctrl elsewhere; compare accelerators as the platform sees them.
function normalise(accelerator: string, platform: KeyPlatform): string {
  const parts = accelerator.split('+').map((part) => (part === 'CmdOrCtrl' ? (platform === 'mac' ? 'Cmd' : 'Ctrl') : part))
  const key = parts.pop() ?? ''
  return [...parts.sort(), key.toLowerCase()].join('+')
}

describe.each(['mac', 'other'] as const)('application menu on %s', (platform) => {
  const template = buildMenuTemplate(context(platform))
  const items = flattenMenu(template)

  it('holds every command of the table that has a menu place, and the issue’s list', () => {
    const ids = new Set(items.map((item) => item.id))
    for (const command of commands as readonly CommandSpec[]) if (command.menu) expect(ids, command.id).toContain(command.id)
    for (const id of issueCommands) expect(ids, id).toContain(id)
    expect(ids).toContain('folder.openRecent')
  })

  it('gives every command its accelerator, and no accelerator twice (roles included)', () => {
    for (const command of commands as readonly CommandSpec[]) {
      const item = items.find((entry) => entry.id === command.id)
      const expected = platform === 'mac' ? (command.macAccelerator ?? command.accelerator) : command.accelerator
      expect(item?.accelerator, command.id).toBe(expected)
    }
    const accelerators = items.flatMap((item) => (typeof item.accelerator === 'string' ? [normalise(item.accelerator, platform)] : []))
    expect(accelerators.length).toBeGreaterThan(30)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('follows the platform: the macOS app menu, Window menu and Cmd; elsewhere Exit in File and About in Help', () => {
    const labels = template.map((menu) => menu.label ?? menu.role)
    const menuOf = (label: string): MenuItemConstructorOptions[] => (template.find((menu) => menu.label?.replace('&', '') === label)?.submenu ?? []) as MenuItemConstructorOptions[]
    if (platform === 'mac') {
      expect(labels).toEqual(['Folio', 'File', 'Edit', 'View', 'Go', 'windowMenu', 'Help'])
      const app = flattenMenu((template[0]?.submenu ?? []) as MenuItemConstructorOptions[])
      expect(app.map((item) => item.id ?? item.role)).toEqual(expect.arrayContaining(['help.about', 'settings.open', 'services', 'hide', 'quit']))
      expect(flattenMenu(menuOf('Help')).map((item) => item.id)).not.toContain('help.about')
      expect(flattenMenu(menuOf('File')).find((item) => item.role === 'close')?.accelerator).toBe('Cmd+Shift+W')
    } else {
      expect(labels).toEqual(['&File', '&Edit', '&View', '&Go', '&Help'])
      expect(flattenMenu(menuOf('File')).at(-1)).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' })
      expect(flattenMenu(menuOf('Help')).map((item) => item.id)).toContain('help.about')
      expect(items.some((item) => typeof item.accelerator === 'string' && /(^|\+)Cmd(\+|$)/.test(item.accelerator))).toBe(false)
    }
  })

  it('runs each command through the one runner and opens recent folders; a missing one is greyed', () => {
    const ctx = context(platform)
    const built = flattenMenu(buildMenuTemplate(ctx))
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()
    click(built.find((item) => item.id === 'palette.open'))
    click(built.find((item) => item.id === 'view.zoomIn'))
    expect(ctx.run).toHaveBeenNthCalledWith(1, 'palette.open')
    expect(ctx.run).toHaveBeenNthCalledWith(2, 'view.zoomIn')
    const openRecent = built.find((item) => item.id === 'folder.openRecent')
    const entries = flattenMenu((openRecent?.submenu ?? []) as MenuItemConstructorOptions[])
    expect(entries[0]).toMatchObject({ label: '/sites/blog/content', enabled: true })
    expect(entries[1]).toMatchObject({ label: '/gone/site (missing)', enabled: false })
    click(entries[0])
    expect(ctx.openRecent).toHaveBeenCalledWith('/sites/blog/content')
    click(entries.find((item) => item.id === 'recent.forgetMissing'))
    expect(ctx.forgetMissing).toHaveBeenCalled()
  })
})

describe('Open Recent with nothing recent', () => {
  it('says so, and offers nothing to remove', () => {
    const items = flattenMenu(buildMenuTemplate(context('other', { recent: [] })))
    expect(items.find((item) => item.label === 'No Recent Folders')).toMatchObject({ enabled: false })
    expect(items.find((item) => item.id === 'recent.forgetMissing')).toMatchObject({ enabled: false })
    expect(items.find((item) => item.id === 'recent.clear')).toMatchObject({ enabled: false })
  })
})
