import { useEffect, useId, useRef } from 'react'
import type { UserSettings } from '@shared/user-state'

/** Props of the settings page. */
export interface SettingsDialogProps {
  settings: UserSettings
  onChange: (patch: Partial<UserSettings>) => void
  onClose: () => void
}

/**
 * Ctrl/Cmd+,: the user's settings (theme, editor font and size, line width, wrapping, autosave, spell checking and
 * its languages, Tab behaviour), applied and stored as they change: per user, never in the content folder.
 */
export function SettingsDialog({ settings, onChange, onClose }: SettingsDialogProps) {
  const id = useId()
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="dialog settings" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id={`${id}-title`}>Settings</h2>
        <div className="settings-grid">
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select ref={first} id={`${id}-theme`} value={settings.theme} onChange={(e) => onChange({ theme: e.target.value as UserSettings['theme'] })}>
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <label htmlFor={`${id}-font`}>Editor font</label>
          <input id={`${id}-font`} type="text" value={settings.editorFont} placeholder="Built-in (monospace)" onChange={(e) => onChange({ editorFont: e.target.value })} />
          <label htmlFor={`${id}-size`}>Editor font size (px)</label>
          <input id={`${id}-size`} type="number" min={8} max={40} value={settings.editorFontSize} onChange={(e) => onChange({ editorFontSize: Number(e.target.value) })} />
          <label htmlFor={`${id}-width`}>Line width (characters, 0 for the full pane)</label>
          <input id={`${id}-width`} type="number" min={0} max={400} value={settings.lineWidth} onChange={(e) => onChange({ lineWidth: Number(e.target.value) })} />
          <label htmlFor={`${id}-autosave`}>Autosave</label>
          <select id={`${id}-autosave`} value={settings.autosave} onChange={(e) => onChange({ autosave: e.target.value as UserSettings['autosave'] })}>
            <option value="off">Off</option>
            <option value="pause">After a pause in typing</option>
            <option value="focus">When focus leaves the editor</option>
          </select>
          <label htmlFor={`${id}-languages`}>Spell-check languages (e.g. en-GB, fr; empty for the system's)</label>
          <input
            id={`${id}-languages`}
            type="text"
            defaultValue={settings.spellCheckLanguages.join(', ')}
            onBlur={(e) => onChange({ spellCheckLanguages: e.target.value.split(/[\s,]+/).filter((t) => t !== '') })}
          />
        </div>
        <fieldset className="settings-checks">
          <legend className="visually-hidden">Editor behaviour</legend>
          <label>
            <input type="checkbox" checked={settings.isWrapping} onChange={(e) => onChange({ isWrapping: e.target.checked })} /> Wrap long lines
          </label>
          <label>
            <input type="checkbox" checked={settings.isSpellChecking} onChange={(e) => onChange({ isSpellChecking: e.target.checked })} /> Check spelling
          </label>
          <label>
            <input type="checkbox" checked={settings.isTabMovingFocus} onChange={(e) => onChange({ isTabMovingFocus: e.target.checked })} /> Tab moves focus (Ctrl/Cmd+M)
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  )
}
