import { EventEmitter } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

// A fake of the parts of `electron` that src/main uses, for unit tests in plain Node (`vi.mock('electron', ...)`
// with `fakeElectronModule`). It keeps what the shell did (windows, menus, dialogs, recent documents, sends) so
// tests can read it, and lets tests play the system's part (ready, second-instance, open-file, crashes, clicks).
// NOTE: unlike the other fakes it runs no contract suite against the real implementation: that is Electron itself,
// and no Electron binary can be installed or run here (no display, no download). What Electron does is taken from its
// documentation; tests/e2e/electron.spec.ts (the `_electron` suite) checks the same start-up wherever a binary exists.

type Listener = (...args: unknown[]) => void

/** A preventable Electron event. */
export class FakeEvent {
  isDefaultPrevented = false
  preventDefault(): void {
    this.isDefaultPrevented = true
  }
}

/** A rectangle. */
export interface FakeRect {
  x: number
  y: number
  width: number
  height: number
}

/** A display: id, bounds and work area. */
export interface FakeDisplay {
  id: number
  bounds: FakeRect
  workArea: FakeRect
}

class FakeSession extends EventEmitter {
  availableSpellCheckerLanguages = ['en-US', 'en-GB', 'de', 'fr', 'nl']
  spellCheckerLanguages: string[] = []
  dictionary: string[] = []
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  permissionCheckHandler: (() => boolean) | null = null
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = [...languages]
  }
  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionary.push(word)
    return true
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheckHandler = handler
  }
  readonly webRequest = { onBeforeRequest: (): void => undefined }
}

class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = []
  isLoadingNow = true
  isCrashedNow = false
  zoomLevel = 0
  reloads = 0
  crashesForced = 0
  devToolsToggles = 0
  misspellingsReplaced: string[] = []
  readonly session = fake.session.defaultSession
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  isLoading(): boolean {
    return this.isLoadingNow
  }
  isCrashed(): boolean {
    return this.isCrashedNow
  }
  reload(): void {
    this.reloads++
    this.isCrashedNow = false
  }
  forcefullyCrashRenderer(): void {
    this.crashesForced++
  }
  getZoomLevel(): number {
    return this.zoomLevel
  }
  setZoomLevel(level: number): void {
    this.zoomLevel = level
  }
  toggleDevTools(): void {
    this.devToolsToggles++
  }
  replaceMisspelling(word: string): void {
    this.misspellingsReplaced.push(word)
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler
  }
  /** The test plays the page finishing its load. */
  finishLoad(): void {
    this.isLoadingNow = false
    this.emit('did-finish-load')
  }
  /** The folder events sent to the page. */
  events(): unknown[] {
    return this.sent.filter((message) => message.channel === 'folder:event').map((message) => message.payload)
  }
}

class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  bounds: FakeRect
  maximized = false
  fullScreen = false
  minimized = false
  visible = false
  focused = false
  destroyed = false
  loadedUrl: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    const { x, y, width, height } = options as Partial<FakeRect>
    this.bounds = { x: x ?? 0, y: y ?? 0, width: width ?? 800, height: height ?? 600 }
    fake.windows.push(this)
    fake.app.emit('web-contents-created', new FakeEvent(), this.webContents)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Like Electron: 'close' (preventable), then, unless prevented, 'closed' and the window is gone. */
  close(): void {
    if (this.destroyed) return
    const event = new FakeEvent()
    this.emit('close', event)
    if (!event.isDefaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
    if (fake.windows.every((window) => window.destroyed)) fake.app.emit('window-all-closed')
  }
  show(): void {
    this.visible = true
  }
  focus(): void {
    this.focused = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  minimize(): void {
    this.minimized = true
  }
  maximize(): void {
    this.maximized = true
  }
  unmaximize(): void {
    this.maximized = false
  }
  isMaximized(): boolean {
    return this.maximized
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value
  }
  isFullScreen(): boolean {
    return this.fullScreen
  }
  setBounds(bounds: FakeRect): void {
    this.bounds = { ...bounds }
  }
  getBounds(): FakeRect {
    return { ...this.bounds }
  }
  getNormalBounds(): FakeRect {
    return { ...this.bounds }
  }
}

class FakeApp extends EventEmitter {
  name = 'Folio'
  isPackaged = false
  hasLock = true
  isReadyNow = false
  quits = 0
  exits: number[] = []
  recentDocuments: string[] = []
  aboutShown = 0
  userData = path.join(os.tmpdir(), 'folio-fake-userdata')
  private readyPromise: Promise<void>
  private resolveReady: () => void = () => undefined
  constructor() {
    super()
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
  }
  /** The locale Chromium gives the page (navigator.language). */
  getLocale(): string {
    return 'en-US'
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData
    return path.join(this.userData, name)
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  isReady(): boolean {
    return this.isReadyNow
  }
  /** The test plays Electron becoming ready. */
  ready(): void {
    this.isReadyNow = true
    this.emit('ready')
    this.resolveReady()
  }
  /** Like Electron: before-quit (preventable), then each window closes; a prevented close cancels the quit. */
  quit(): void {
    this.quits++
    // NOTE: like Electron, a quit asked for while one is under way (window-all-closed during it) joins that one.
    if (this.isQuitting) return
    const event = new FakeEvent()
    this.emit('before-quit', event)
    if (event.isDefaultPrevented) return
    this.isQuitting = true
    for (const window of fake.windows.filter((w) => !w.destroyed)) {
      window.close()
      if (!window.destroyed) {
        this.isQuitting = false
        return
      }
    }
    this.emit('will-quit', new FakeEvent())
    this.isQuitting = false
  }
  private isQuitting = false
  exit(code: number): void {
    this.exits.push(code)
  }
  addRecentDocument(file: string): void {
    this.recentDocuments.push(file)
  }
  clearRecentDocuments(): void {
    this.recentDocuments = []
  }
  showAboutPanel(): void {
    this.aboutShown++
  }
  reset(): void {
    this.removeAllListeners()
    Object.assign(this, { isPackaged: false, hasLock: true, isReadyNow: false, quits: 0, exits: [], recentDocuments: [], aboutShown: 0 })
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
  }
}

/** A menu built from a template; keeps the template (items with their click handlers) for tests. */
class FakeMenu {
  popups = 0
  constructor(readonly template: Record<string, unknown>[]) {}
  popup(): void {
    this.popups++
    fake.popups.push(this)
  }
  static buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return new FakeMenu(template)
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    fake.applicationMenu = menu
  }
}

const primary: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1055 } }

function overlapArea(a: FakeRect, b: FakeRect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** The fake's state; reset between tests with resetFakeElectron. */
export const fake = {
  app: undefined as unknown as FakeApp,
  windows: [] as FakeBrowserWindow[],
  applicationMenu: null as FakeMenu | null,
  popups: [] as FakeMenu[],
  displays: [primary] as FakeDisplay[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as Record<string, unknown>[],
  /** The button the next message boxes answer with. */
  messageBoxResponse: 0,
  /** What the next folder dialog answers (null: cancelled). */
  openDialogAnswer: null as string | null,
  revealed: [] as string[],
  trashed: [] as string[],
  openedExternally: [] as string[],
  clipboard: [] as string[],
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, Listener>(),
  session: { defaultSession: undefined as unknown as FakeSession, fromPartition: (): FakeSession => new FakeSession() },
}
fake.session.defaultSession = new FakeSession()
fake.app = new FakeApp()

/** Clears every record and listener; `userData` becomes the app's userData folder. */
export function resetFakeElectron(userData?: string): void {
  fake.app.reset()
  if (userData !== undefined) fake.app.userData = userData
  fake.windows.length = 0
  fake.applicationMenu = null
  fake.popups.length = 0
  fake.displays = [primary]
  fake.errorBoxes.length = 0
  fake.messageBoxes.length = 0
  fake.messageBoxResponse = 0
  fake.openDialogAnswer = null
  fake.revealed.length = 0
  fake.trashed.length = 0
  fake.openedExternally.length = 0
  fake.clipboard.length = 0
  fake.ipcHandlers.clear()
  fake.protocolHandlers.clear()
  fake.session.defaultSession = new FakeSession()
}

/** The menu item with `id` (or `label`) anywhere in the application menu. */
export function menuItem(key: string): Record<string, unknown> | undefined {
  const walk = (items: Record<string, unknown>[]): Record<string, unknown> | undefined => {
    for (const item of items) {
      if (item.id === key || item.label === key) return item
      if (Array.isArray(item.submenu)) {
        const found = walk(item.submenu as Record<string, unknown>[])
        if (found) return found
      }
    }
    return undefined
  }
  return walk(fake.applicationMenu?.template ?? [])
}

/** The module object that `vi.mock('electron', () => fakeElectronModule())` returns. */
export function fakeElectronModule(): Record<string, unknown> {
  return {
    app: fake.app,
    BrowserWindow: FakeBrowserWindow,
    Menu: FakeMenu,
    get session() {
      return fake.session
    },
    dialog: {
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push({ title, content }),
      showMessageBox: (_window: unknown, options: Record<string, unknown>) => {
        fake.messageBoxes.push(options)
        return Promise.resolve({ response: fake.messageBoxResponse, checkboxChecked: false })
      },
      showOpenDialog: () => Promise.resolve(fake.openDialogAnswer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [fake.openDialogAnswer] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    shell: {
      showItemInFolder: (file: string) => fake.revealed.push(file),
      openExternal: (url: string) => {
        fake.openedExternally.push(url)
        return Promise.resolve()
      },
      trashItem: (file: string) => {
        fake.trashed.push(file)
        return Promise.resolve()
      },
    },
    screen: {
      getAllDisplays: () => fake.displays,
      getPrimaryDisplay: () => fake.displays[0],
      getDisplayMatching: (rect: FakeRect) => [...fake.displays].sort((a, b) => overlapArea(rect, b.bounds) - overlapArea(rect, a.bounds))[0],
    },
    clipboard: { writeText: (text: string) => fake.clipboard.push(text) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
      unhandle: (scheme: string) => fake.protocolHandlers.delete(scheme),
    },
    // NOTE: Node's fetch has no file: URLs, which Electron's net.fetch serves (the renderer protocol reads the build so).
    net: { fetch: (url: string) => (url.startsWith('file:') ? fileResponse(url) : fetch(url)) },
  }
}

async function fileResponse(url: string): Promise<Response> {
  try {
    return new Response(await readFile(fileURLToPath(url)), { status: 200 })
  } catch {
    // NOTE: as Electron answers a missing file: a failed response, not a throw.
    return new Response('', { status: 404 })
  }
}

export type { FakeBrowserWindow, FakeWebContents, FakeApp, FakeMenu, FakeSession }
