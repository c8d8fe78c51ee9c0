import { acceleratorFor, acceleratorLabel, commandById, commandForKey, commands, matchesAccelerator, type CommandSpec, type KeyPlatform } from '@shared/commands'

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

/** An accelerator as the keys it means on the platform (CmdOrCtrl resolved), for comparing. */
function keysOf(accelerator: string, platform: KeyPlatform): string {
  return accelerator.replace('CmdOrCtrl', platform === 'mac' ? 'Cmd' : 'Ctrl').split('+').sort().join('+').toLowerCase()
}

describe('the command table', () => {
  it('has unique ids and, per platform, unique accelerators', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length)
    for (const platform of ['mac', 'other'] as const) {
      const keys = (commands as readonly CommandSpec[]).flatMap((c) => {
        const accelerator = acceleratorFor(c, platform)
        return accelerator === undefined ? [] : [keysOf(accelerator, platform)]
      })
      expect(new Set(keys).size, platform).toBe(keys.length)
    }
  })

  it('holds every command the issue lists', () => {
    const labels = commands.map((c) => c.label)
    for (const wanted of ['New Article…', 'Open Folder…', 'Save', 'Save All', 'Revert', 'Export…', 'Find in Folder…', 'Quick Open…', 'Command Palette…', 'Settings…', 'Zoom In', 'About Folio', 'Keyboard Shortcuts']) {
      expect(labels).toContain(wanted)
    }
    expect(commandById('article.save')?.accelerator).toBe('CmdOrCtrl+S')
    expect(commandById('nope')).toBeUndefined()
  })

  it('reads accelerators the platform way', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+P', 'mac')).toBe('⌘⇧P')
    expect(acceleratorLabel('CmdOrCtrl+Shift+P', 'other')).toBe('Ctrl+Shift+P')
    expect(acceleratorLabel('CmdOrCtrl+=', 'other')).toBe('Ctrl+=')
  })

  it('matches key presses: Cmd on macOS, Ctrl elsewhere, Shift exactly for letters', () => {
    expect(matchesAccelerator(press('s', { metaKey: true }), 'CmdOrCtrl+S', 'mac')).toBe(true)
    expect(matchesAccelerator(press('s', { ctrlKey: true }), 'CmdOrCtrl+S', 'mac')).toBe(false)
    expect(matchesAccelerator(press('s', { ctrlKey: true }), 'CmdOrCtrl+S', 'other')).toBe(true)
    expect(matchesAccelerator(press('S', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+S', 'other')).toBe(false)
    expect(commandForKey(press('P', { ctrlKey: true, shiftKey: true }), 'other')?.id).toBe('palette.open')
    expect(commandForKey(press('p', { ctrlKey: true }), 'other')?.id).toBe('search.quickOpen')
    expect(commandForKey(press('m', { ctrlKey: true, shiftKey: true }), 'mac')?.id).toBe('editor.toggleTabFocus')
    expect(commandForKey(press('x'), 'other')).toBeUndefined()
  })
})
