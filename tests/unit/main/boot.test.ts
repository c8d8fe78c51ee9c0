import { EventEmitter } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile, realpath } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// NOTE: one instance of the fake for the mock and the test (imported in vi.hoisted, before vi.resetModules below).
const { fake, FakeEvent, menuItem, resetFakeElectron, fakeElectronModule } = await vi.hoisted(() => import('../../support/fake-electron'))
vi.mock('electron', () => fakeElectronModule())

// NOTE: test files share one module graph (isolate: false); fresh modules make src/main see this file's electron.
vi.resetModules()
const { bootFolio } = await import('../../../src/main/boot')

// NOTE: folders open through the real host (index, watcher); a busy machine needs more than vi.waitFor's default second.
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15000, interval: 20 })

const base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'folio-boot-')))
let count = 0

afterAll(() => rm(base, { recursive: true, force: true }))

async function site(name: string): Promise<{ site: string; content: string; article: string }> {
  const dir = path.join(base, name)
  await mkdir(path.join(dir, 'content', 'posts'), { recursive: true })
  await writeFile(path.join(dir, 'hugo.toml'), 'title = "x"\n')
  const article = path.join(dir, 'content', 'posts', 'hello.md')
  await writeFile(article, '---\ntitle: Hello\n---\nBody\n')
  return { site: dir, content: path.join(dir, 'content'), article }
}

function boot(argv: string[] = ['electron', '.'], platform: NodeJS.Platform = 'linux'): boolean {
  return bootFolio({ argv, platform, devServerUrl: undefined, outDir: path.join(base, 'out'), errors: new EventEmitter(), console: { warn: () => undefined, error: () => undefined } })
}

const trusted = { senderFrame: { url: 'folio-app://app/index.html', parent: null } }
function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return Promise.resolve(handler(trusted, ...args) as unknown)
}

const window = () => fake.windows.filter((w) => !w.destroyed).at(-1)
const folderRoot = async () => ((await invoke('folder:get')) as { value: { root: string } | null }).value?.root ?? null

beforeEach(async () => {
  count++
  resetFakeElectron(path.join(base, `user-${count}`))
  await mkdir(fake.app.userData, { recursive: true })
})

describe('desktop boot with a fake electron', () => {
  it('quits at once when another Folio holds the single-instance lock', () => {
    fake.app.hasLock = false
    expect(boot()).toBe(false)
    expect(fake.app.quits).toBe(1)
    expect(fake.app.listenerCount('second-instance')).toBe(0)
  })

  it('opens the folder named on the command line, adds it to the OS recent documents and the Open Recent menu', async () => {
    const { content } = await site(`argv-${count}`)
    boot(['electron', '.', content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    expect(fake.errorBoxes).toEqual([])
    expect(await folderRoot()).toBe(content)
    expect(fake.app.recentDocuments).toEqual([content])
    await until(() => expect(menuItem(content)).toMatchObject({ enabled: true }))
    expect(window()?.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } })
  })

  it("serves index.html with the open folder's first screen and data in it, as folio serve does", async () => {
    const { content } = await site(`first-screen-${count}`)
    await mkdir(path.join(base, 'out', 'renderer'), { recursive: true })
    await writeFile(path.join(base, 'out', 'renderer', 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>')
    boot(['electron', '.', content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    const serve = fake.protocolHandlers.get('folio-app') as (request: Request) => Promise<Response>
    const page = await serve(new Request('folio-app://app/index.html'))
    const html = await page.text()
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(html).toMatch(/<div id="root"><div class="workbench first-screen" inert aria-busy="true">.*aria-label="Hello"/)
    expect(html).toContain('<script type="application/json" id="folio-early">')
  })

  it('macOS open-file before ready opens the article’s content folder, then the article once the page loaded', async () => {
    const { content, article } = await site(`openfile-${count}`)
    boot(['Folio'], 'darwin')
    const event = new FakeEvent()
    fake.app.emit('open-file', event, article)
    expect(event.isDefaultPrevented).toBe(true)
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    await until(async () => expect(await folderRoot()).toBe(content))
    window()?.webContents.finishLoad()
    await until(() => expect(window()?.webContents.events()).toContainEqual({ kind: 'open-article', path: 'posts/hello.md' }))
  })

  it('a second launch with a folder focuses the window and switches after the unsaved-changes check', async () => {
    const first = await site(`second-a-${count}`)
    const second = await site(`second-b-${count}`)
    boot(['electron', '.', first.content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    const win = window()
    win?.webContents.finishLoad()
    win?.minimize()
    fake.app.emit('second-instance', new FakeEvent(), ['electron', '.', second.site], base, null)
    await until(() => expect(win?.webContents.events()).toContainEqual({ kind: 'close-requested', reason: 'open-folder' }))
    expect(win?.isMinimized()).toBe(false)
    expect(win?.focused).toBe(true)
    expect(await folderRoot()).toBe(first.content)
    await invoke('window:close')
    await until(async () => expect(await folderRoot()).toBe(second.site))
    expect(win?.destroyed).toBe(false)
  })

  it('a second launch with an article of the open folder opens it without asking', async () => {
    const { content, article } = await site(`second-article-${count}`)
    boot(['electron', '.', content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    window()?.webContents.finishLoad()
    fake.app.emit('second-instance', new FakeEvent(), ['electron', '.', path.relative(base, article)], base, null)
    await until(() => expect(window()?.webContents.events()).toContainEqual({ kind: 'open-article', path: 'posts/hello.md' }))
    expect(window()?.webContents.events()).not.toContainEqual({ kind: 'close-requested' })
  })

  it('closing the window and Cmd+Q wait for the renderer; confirmClose then closes or quits', async () => {
    boot()
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    const win = window()
    win?.webContents.finishLoad()
    win?.close()
    expect(win?.destroyed).toBe(false)
    expect(win?.webContents.events()).toEqual([{ kind: 'close-requested' }])
    fake.app.quit()
    expect(win?.destroyed).toBe(false)
    expect(win?.webContents.events()).toHaveLength(2)
    let willQuit = 0
    fake.app.on('will-quit', () => willQuit++)
    await invoke('window:close')
    expect(win?.destroyed).toBe(true)
    expect(willQuit).toBe(1)
  })

  it('a Windows session end closes without asking (the journal keeps unsaved text)', async () => {
    boot([], 'win32')
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    const win = window()
    win?.webContents.finishLoad()
    win?.emit('session-end', new FakeEvent())
    expect(win?.destroyed).toBe(true)
    expect(win?.webContents.events()).toEqual([])
  })

  it('macOS keeps running with no window and activate re-creates it; elsewhere the last window quits', async () => {
    boot([], 'darwin')
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    window()?.destroy()
    expect(fake.app.quits).toBe(0)
    fake.app.emit('activate')
    await until(() => expect(fake.windows.filter((w) => !w.destroyed)).toHaveLength(1))
    expect(fake.windows).toHaveLength(2)
    resetFakeElectron(fake.app.userData)
    boot([], 'linux')
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    window()?.destroy()
    expect(fake.app.quits).toBe(1)
  })

  it('File > Open Recent greys missing folders, and its items switch folders', async () => {
    const kept = await site(`recent-a-${count}`)
    const gone = await site(`recent-b-${count}`)
    boot(['electron', '.', gone.content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    window()?.webContents.finishLoad()
    fake.app.emit('second-instance', new FakeEvent(), ['electron', '.', kept.content], base, null)
    await until(() => expect(window()?.webContents.events()).toContainEqual({ kind: 'close-requested', reason: 'open-folder' }))
    await invoke('window:close')
    await until(async () => expect(await folderRoot()).toBe(kept.content))
    await rm(gone.site, { recursive: true })
    await invoke('recent:forget', '/nowhere') // any change of the list rebuilds the menu
    await until(() => expect(menuItem(`${gone.content} (missing)`)).toMatchObject({ enabled: false }))
    expect(menuItem('recent.forgetMissing')).toMatchObject({ enabled: true })
    ;(menuItem('recent.forgetMissing')?.click as () => void)()
    await until(() => expect(menuItem(`${gone.content} (missing)`)).toBeUndefined())
    expect(menuItem(kept.content)).toBeDefined()
  })

  it('menu commands: renderer ones become command events, main ones act on the window', async () => {
    boot()
    fake.app.ready()
    await until(() => expect(fake.applicationMenu).not.toBeNull())
    await until(() => expect(window()).toBeDefined())
    window()?.webContents.finishLoad()
    ;(menuItem('palette.open')?.click as () => void)()
    expect(window()?.webContents.events()).toContainEqual({ kind: 'command', id: 'palette.open' })
    ;(menuItem('view.zoomIn')?.click as () => void)()
    expect(window()?.webContents.zoomLevel).toBeGreaterThan(0)
    ;(menuItem('help.about')?.click as () => void)()
    expect(fake.app.aboutShown).toBe(1)
  })

  it('reveals an article through the confined host path, and refuses paths outside the folder', async () => {
    const { content, article } = await site(`reveal-${count}`)
    boot(['electron', '.', content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    expect(await invoke('article:reveal', 'posts/hello.md')).toEqual({ ok: true, value: null })
    expect(fake.revealed).toEqual([article])
    expect(await invoke('article:reveal', '../hugo.toml')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await invoke('article:reveal', 'posts/missing.md')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(fake.revealed).toHaveLength(1)
  })

  it('deletes an article to the system trash through Electron\'s shell.trashItem, inside the folder only', async () => {
    const { content, article } = await site(`trash-${count}`)
    boot(['electron', '.', content])
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    expect(await invoke('article:trash', '../hugo.toml')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await invoke('article:trash', 'posts/hello.md')).toMatchObject({ ok: true })
    expect(fake.trashed).toEqual([article])
  })

  it('sets the spell checker languages from the settings, at start and when they are saved', async () => {
    await writeFile(path.join(fake.app.userData, 'settings.json'), JSON.stringify({ spellCheckLanguages: ['de'] }))
    boot()
    fake.app.ready()
    await until(() => expect(fake.session.defaultSession.spellCheckerLanguages).toEqual(['de']))
    const saved = await invoke('settings:save', { spellCheckLanguages: ['fr', 'xx-YY'] })
    expect(saved).toMatchObject({ ok: true })
    expect(fake.session.defaultSession.spellCheckerLanguages).toEqual(['fr'])
  })

  it('offers Reload when the renderer crashes, and logs it in userData/logs', async () => {
    boot()
    fake.app.ready()
    await until(() => expect(window()).toBeDefined())
    const win = window()
    win?.webContents.finishLoad()
    win?.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 })
    await until(() => expect(win?.webContents.reloads).toBe(1))
    expect(fake.messageBoxes[0]).toMatchObject({ buttons: ['Reload', 'Close Window'] })
    const { readFile } = await import('node:fs/promises')
    expect(await readFile(path.join(fake.app.userData, 'logs', 'main.log'), 'utf8')).toContain('renderer gone: crashed (exit code 139)')
  })

  it('refuses IPC from a frame that is not Folio’s own', async () => {
    boot()
    fake.app.ready()
    await until(() => expect(fake.ipcHandlers.size).toBeGreaterThan(0))
    const handler = fake.ipcHandlers.get('folder:get')
    for (const senderFrame of [{ url: 'https://evil.example/', parent: null }, { url: 'other-scheme://app/', parent: null }, { url: 'folio-app://app/index.html', parent: {} }, null]) {
      expect(await Promise.resolve(handler?.({ senderFrame }))).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    }
  })
})
