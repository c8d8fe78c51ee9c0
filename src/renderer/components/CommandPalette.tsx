import { useCallback, useMemo } from 'react'
import fuzzysort from 'fuzzysort'
import { acceleratorFor, acceleratorLabel, commands, type CommandSpec, type KeyPlatform } from '@shared/commands'
import { PickerDialog } from './PickerDialog'

/** Props of the command palette. */
export interface CommandPaletteProps {
  platform: KeyPlatform
  /** Whether a command can run here (desktop-only commands are left out of browser mode). */
  isAvailable: (command: CommandSpec) => boolean
  onRun: (id: string) => void
  onClose: () => void
}

/** Ctrl/Cmd+Shift+P: every command of the command table, matched fuzzily by label; Enter runs, Escape closes. */
export function CommandPalette({ platform, isAvailable, onRun, onClose }: CommandPaletteProps) {
  const available = useMemo(() => (commands as readonly CommandSpec[]).filter((c) => c.id !== 'palette.open' && isAvailable(c)), [isAvailable])
  const match = useCallback((text: string) => (text.trim() === '' ? available : fuzzysort.go(text.trim(), available, { key: 'label', threshold: 0 }).map((r) => r.obj)), [available])
  return (
    <PickerDialog
      label="Command palette"
      inputLabel="Command"
      placeholder="Type a command"
      listLabel="Commands"
      match={match}
      keyOf={(c) => c.id}
      itemClassName="palette-item"
      render={(c) => {
        const accelerator = acceleratorFor(c, platform)
        return (
          <>
            <span className="item-title">{c.label}</span>
            {accelerator !== undefined && <kbd className="palette-key">{acceleratorLabel(accelerator, platform)}</kbd>}
          </>
        )
      }}
      onChoose={(c) => onRun(c.id)}
      onClose={onClose}
    />
  )
}
