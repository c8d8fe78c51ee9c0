import { useEffect, useId, useMemo, useRef, useState } from 'react'
import fuzzysort from 'fuzzysort'
import { acceleratorFor, acceleratorLabel, commands, type CommandSpec, type KeyPlatform } from '@shared/commands'

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
  const [text, setText] = useState('')
  const [cursor, setCursor] = useState(0)
  const baseId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const available = useMemo(() => (commands as readonly CommandSpec[]).filter((c) => c.id !== 'palette.open' && isAvailable(c)), [isAvailable])
  const matches = useMemo(() => (text.trim() === '' ? available : fuzzysort.go(text.trim(), available, { key: 'label', threshold: 0 }).map((r) => r.obj)), [available, text])
  useEffect(() => inputRef.current?.focus(), [])
  useEffect(() => {
    document.getElementById(`${baseId}-${cursor}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [baseId, cursor])
  const choose = (index: number) => {
    const command = matches[index]
    if (command === undefined) return
    onClose()
    onRun(command.id)
  }
  return (
    <div className="quick-open-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-label="Command palette" className="quick-open" onMouseDown={(e) => e.stopPropagation()}>
        <label htmlFor={`${baseId}-input`} className="visually-hidden">
          Command
        </label>
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${baseId}-list`}
          aria-activedescendant={matches.length > 0 ? `${baseId}-${cursor}` : undefined}
          placeholder="Type a command"
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setCursor(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose()
            else if (e.key === 'Enter') choose(cursor)
            else if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, matches.length - 1))
            else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0))
            else return
            e.preventDefault()
          }}
        />
        <ul id={`${baseId}-list`} role="listbox" aria-label="Commands">
          {matches.map((c, i) => {
            const accelerator = acceleratorFor(c, platform)
            return (
              <li key={c.id} id={`${baseId}-${i}`} role="option" aria-selected={i === cursor} onClick={() => choose(i)} className="palette-item">
                <span className="item-title">{c.label}</span>
                {accelerator !== undefined && <kbd className="palette-key">{acceleratorLabel(accelerator, platform)}</kbd>}
              </li>
            )
          })}
        </ul>
      </div>
    </div>
  )
}
