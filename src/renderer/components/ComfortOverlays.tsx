import type { Comfort } from '../hooks/use-comfort'
import { CommandPalette } from './CommandPalette'
import { SettingsDialog } from './SettingsDialog'
import { ShortcutsSheet } from './ShortcutsSheet'

/** The command palette, shortcuts sheet or settings page, whichever is open. */
export function ComfortOverlays({ comfort }: { comfort: Comfort }) {
  const close = () => comfort.setOverlay(null)
  if (comfort.overlay === 'palette') return <CommandPalette platform={comfort.platform} isAvailable={comfort.isAvailable} onRun={comfort.run} onClose={close} />
  if (comfort.overlay === 'shortcuts') return <ShortcutsSheet platform={comfort.platform} isAvailable={comfort.isAvailable} onClose={close} />
  if (comfort.overlay === 'settings') return <SettingsDialog settings={comfort.settings.settings} onChange={comfort.settings.update} onClose={close} />
  return null
}
