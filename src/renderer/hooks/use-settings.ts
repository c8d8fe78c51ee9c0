import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { defaultSettings, readSettings, type UserSettings } from '@shared/user-state'

/** The user's settings, loaded from the host's state folder, and how to change them (saved at once). */
export interface SettingsHandle {
  settings: UserSettings
  isLoaded: boolean
  update: (patch: Partial<UserSettings>) => void
}

/**
 * Loads the settings once from the host (Electron userData / the browser-mode state folder) and saves every change
 * back; a host without user state (UNSUPPORTED) keeps them for the session. The theme is applied to the document.
 */
export function useSettings(api: FolioApi | undefined): SettingsHandle {
  const [settings, setSettings] = useState<UserSettings>(defaultSettings)
  const [isLoaded, setLoaded] = useState(false)
  const latest = useRef(settings)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  useEffect(() => {
    if (!api) return undefined
    let isCurrent = true
    void api.getSettings().then((result) => {
      if (!isCurrent) return
      if (result.ok) {
        latest.current = readSettings(result.value)
        setSettings(latest.current)
      }
      setLoaded(true)
    })
    return () => {
      isCurrent = false
    }
  }, [api])
  // NOTE: once the settings are loaded (or there is no host to load them from): the host may have written the chosen
  // theme into the page (src/shared/early-page.ts), and the defaults would undo it for a moment.
  const isThemeKnown = isLoaded || !api
  useEffect(() => {
    if (!isThemeKnown) return
    const root = document.documentElement
    if (settings.theme === 'system') delete root.dataset.theme
    else root.dataset.theme = settings.theme
  }, [settings.theme, isThemeKnown])
  const update = useCallback(
    (patch: Partial<UserSettings>) => {
      const next = readSettings({ ...latest.current, ...patch })
      latest.current = next
      setSettings(next)
      // NOTE: one save at a time, each sending the latest settings: two changes in quick succession (theme, then
      // autosave) sent as two requests at once could reach the host in either order and leave the older one stored.
      if (api) saving.current = saving.current.then(() => api.saveSettings(latest.current))
    },
    [api],
  )
  return { settings, isLoaded, update }
}
