import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultSettings, readFolderState, readSettings } from '@shared/user-state'
import { UserStateStore } from '../../../../src/core/user-state/user-state-store'
import { createRequestHandlers } from '../../../../src/core/request-handlers'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-user-state-'))
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }))

describe('user settings and folder state', () => {
  it('keeps valid keys, drops unknown ones and falls back per key', () => {
    expect(readSettings(null)).toEqual(defaultSettings)
    const read = readSettings({ theme: 'dark', editorFontSize: 99, editorFont: 'x; }', spellCheckLanguages: ['en-GB', 'fr', 'bad lang'], extra: 1 })
    expect(read).toEqual({ ...defaultSettings, theme: 'dark' })
    expect(readSettings({ spellCheckLanguages: ['en-GB', 'fr'] }).spellCheckLanguages).toEqual(['en-GB', 'fr'])
    expect(readFolderState({ openPaths: ['a.md', 3], cursors: { 'a.md': 12, 'b.md': -1 }, sort: 'title', isOutlineOpen: true })).toMatchObject({
      openPaths: [],
      cursors: { 'a.md': 12 },
      sort: 'title',
      isOutlineOpen: true,
    })
  })

  it('stores settings per user and state per folder in the state folder, surviving a damaged file', async () => {
    const store = new UserStateStore(path.join(temp, 'a'))
    expect((await store.settings()).ok).toBe(true)
    await store.saveSettings({ ...defaultSettings, theme: 'light' })
    expect(await store.settings()).toEqual({ ok: true, value: { ...defaultSettings, theme: 'light' } })
    await store.saveFolderState('/sites/one', { openPaths: ['x.md'], activePath: 'x.md' })
    expect((await store.folderState('/sites/one')).ok && (await store.folderState('/sites/two'))).toMatchObject({ ok: true, value: { openPaths: [] } })
    const one = await store.folderState('/sites/one')
    expect(one.ok && one.value.openPaths).toEqual(['x.md'])
    fs.writeFileSync(path.join(temp, 'a', 'settings.json'), '{ not json')
    expect(await store.settings()).toEqual({ ok: true, value: defaultSettings })
  })

  it('is served by the handler pair on a host with a stateDir, which validates what it is given', async () => {
    const stateDir = path.join(temp, 'b')
    const handlers = createRequestHandlers({ session: () => null, pickFolder: () => Promise.resolve({ ok: true, value: null }), stateDir })
    expect(await handlers.saveSettings({ ...defaultSettings, theme: 'dark' })).toEqual({ ok: true, value: undefined })
    expect(await handlers.getSettings()).toEqual({ ok: true, value: { ...defaultSettings, theme: 'dark' } })
    expect(fs.existsSync(path.join(stateDir, 'settings.json'))).toBe(true)
    expect((await handlers.saveSettings('nope')).ok).toBe(false)
    expect((await handlers.saveSettings({ big: 'x'.repeat(300_000) })).ok).toBe(false)
    expect((await handlers.getFolderState()).ok).toBe(false)
    const noState = createRequestHandlers({ session: () => null, pickFolder: () => Promise.resolve({ ok: true, value: null }) })
    expect(await noState.getSettings()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })
})
