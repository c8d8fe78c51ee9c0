import type { FolioApi } from '@shared/api'
import type { Comfort } from '../hooks/use-comfort'
import { ReplacePanel } from '../replace/ReplacePanel'
import { isBrowserMode } from '../api'
import { FolderDialog } from './FolderDialog'
import { CommandPalette } from './CommandPalette'
import { SettingsDialog } from './SettingsDialog'
import { ShortcutsSheet } from './ShortcutsSheet'

/** The command palette, shortcuts sheet, settings page or replace panel, whichever is open; `unsavedPaths` are left out of a replace. */
export function ComfortOverlays({ comfort, api, unsavedPaths }: { comfort: Comfort; api?: FolioApi; unsavedPaths: ReadonlySet<string> }) {
  const close = () => comfort.setOverlay(null)
  if (comfort.overlay === 'palette') return <CommandPalette platform={comfort.platform} isAvailable={comfort.isAvailable} onRun={comfort.run} onClose={close} />
  if (comfort.overlay === 'shortcuts') return <ShortcutsSheet platform={comfort.platform} isAvailable={comfort.isAvailable} onClose={close} />
  if (comfort.overlay === 'settings') return <SettingsDialog settings={comfort.settings.settings} onChange={comfort.settings.update} onClose={close} />
  if (comfort.overlay === 'folder' && api) return <FolderDialog api={api} isBrowserMode={isBrowserMode} unsavedCount={unsavedPaths.size} onClose={close} />
  if (comfort.overlay === 'replace' && api) return <ReplacePanel api={api} unsavedPaths={unsavedPaths} onClose={close} />
  return null
}
