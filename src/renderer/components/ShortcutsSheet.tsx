import { useEffect, useRef } from 'react'
import { acceleratorFor, acceleratorLabel, commands, type CommandSpec, type KeyPlatform } from '@shared/commands'
import { editorHelpText } from '../editor-help'

/** Props of the shortcuts sheet. */
export interface ShortcutsSheetProps {
  platform: KeyPlatform
  isAvailable: (command: CommandSpec) => boolean
  onClose: () => void
}

/** Ctrl/Cmd+/: every command that has a key, from the command table, plus the editor's Tab keys. */
export function ShortcutsSheet({ platform, isAvailable, onClose }: ShortcutsSheetProps) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  const rows = (commands as readonly CommandSpec[]).filter((c) => isAvailable(c) && acceleratorFor(c, platform) !== undefined)
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="dialog shortcuts-sheet" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>
                  <kbd>{acceleratorLabel(acceleratorFor(c, platform) ?? '', platform)}</kbd>
                </td>
              </tr>
            ))}
            <tr>
              <td>Indent / outdent list items and code (never the front matter)</td>
              <td>
                <kbd>Tab</kbd> / <kbd>Shift+Tab</kbd>
              </td>
            </tr>
            <tr>
              <td>Leave the editor</td>
              <td>
                <kbd>Esc</kbd> then <kbd>Tab</kbd>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="shortcuts-note">{editorHelpText}</p>
        <div className="dialog-actions">
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
