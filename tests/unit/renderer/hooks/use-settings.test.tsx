import { act, renderHook, waitFor } from '@testing-library/react'
import type { FolioApi } from '@shared/api'
import { ok } from '@shared/result'
import { defaultSettings, type UserSettings } from '@shared/user-state'
import { useSettings } from '@renderer/hooks/use-settings'

describe('useSettings', () => {
  it('saves one request at a time, each with the latest settings, so an older save never lands last', async () => {
    const sent: UserSettings[] = []
    const pending: (() => void)[] = []
    // A one-method stand-in: the real saveSettings is covered by the FolioApi contract; here only the order matters.
    const api = {
      getSettings: () => Promise.resolve(ok(defaultSettings)),
      saveSettings: (settings: UserSettings) => {
        sent.push(settings)
        return new Promise((resolve) => pending.push(() => resolve(ok(undefined))))
      },
    } as unknown as FolioApi
    const { result } = renderHook(() => useSettings(api))
    await waitFor(() => expect(result.current.isLoaded).toBe(true))
    act(() => result.current.update({ theme: 'dark' }))
    act(() => result.current.update({ autosave: 'pause' }))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toMatchObject({ theme: 'dark' })
    // The second change waits for the first save to answer, then sends everything known by then.
    await act(() => Promise.resolve(pending.shift()?.()))
    await waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toMatchObject({ theme: 'dark', autosave: 'pause' })
  })

  it('leaves the theme the host wrote into the page until the settings are loaded, then applies them', async () => {
    document.documentElement.dataset.theme = 'dark'
    let answer: (settings: UserSettings) => void = () => undefined
    const api = { getSettings: () => new Promise((resolve) => (answer = (settings) => resolve(ok(settings)))) } as unknown as FolioApi
    const { result, unmount } = renderHook(() => useSettings(api))
    expect(result.current.settings.theme).toBe('system')
    expect(document.documentElement.dataset.theme).toBe('dark')
    act(() => answer({ ...defaultSettings, theme: 'light' }))
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'))
    unmount()
    delete document.documentElement.dataset.theme
  })
})
