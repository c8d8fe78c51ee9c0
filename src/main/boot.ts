import { app, BrowserWindow, clipboard, dialog, Menu, screen, session, shell } from 'electron'
import path from 'node:path'
import type { FolderEvent, RequestHandlers } from '@shared/api'
import { earlyDataOf } from '@shared/early-page'
import { createFolioHost } from '../core/host/folio-host'
import { UserStateStore } from '../core/user-state/user-state-store'
import { serveAssets } from './asset-protocol'
import { attachContextMenu } from './context-menu'
import { watchRenderer } from './crash-handling'
import { pickExportPath } from './export-dialog'
import { createElectronPdfRenderer } from './export-pdf'
import { pickFolderPath } from './folder-dialog'
import { forwardEventsTo } from './ipc/forward-events'
import { registerRequests } from './ipc/register-requests'
import { claimSingleInstance, listenForLaunches } from './launch-requests'
import { launchTargetFromArgv, type LaunchTarget } from './launch-target'
import { logMainErrors, mirrorConsole, openMainLog, type ErrorSource } from './main-log'
import { runMenuCommand } from './main-commands'
import { installMenu } from './menu'
import { openInSystemBrowser } from './open-external'
import { openLaunchTarget } from './open-target'
import { guardQuit, type QuitGuard } from './quit-guard'
import { registerAppScheme, serveRenderer } from './renderer-protocol'
import { denyPermissions, lockAllWebContents } from './security'
import { applySpellCheckLanguages } from './spellcheck'
import { applyWindowState, createMainWindow, trackWindowState } from './window'
import { noFolderKey, placeWindow, WindowStateStore } from './window-state'

/** Where the built app's parts are and how it was started. */
export interface BootOptions {
  argv: readonly string[]
  platform: NodeJS.Platform
  devServerUrl: string | undefined
  /** The built `out/` folder (main, preload and renderer inside). */
  outDir: string
  /** The window icon (resources/icon.png), where the platform shows one. */
  iconPath?: string
  /** Where main-process errors come from and console output goes (process and console; fakes in tests). */
  errors: ErrorSource
  console: Pick<Console, 'warn' | 'error'>
}

/**
 * Starts the desktop app: one instance, the shared host, the window with its guard, state, menus and crash
 * handling, and everything the system asks to open (launch arguments, second launches, macOS open-file/open-url).
 * Returns false when another Folio already runs (it got this launch's arguments).
 */
export function bootFolio(options: BootOptions): boolean {
  if (!claimSingleInstance(app)) return false
  const userData = app.getPath('userData')
  const log = openMainLog(path.join(userData, 'logs'))
  logMainErrors(log, options.errors, (code) => app.exit(code))
  mirrorConsole(log, options.console)
  const launches = listenForLaunches(app)
  const platform = options.platform === 'darwin' ? 'mac' : 'other'
  const windowStates = new WindowStateStore(userData)
  let window: BrowserWindow | null = null
  let guard: QuitGuard | null = null
  let pendingArticle: string | null = null
  const emit = (event: FolderEvent): void => {
    if (window) forwardEventsTo(window)(event)
  }
  const showArticle = (relPath: string): void => {
    if (window && !window.webContents.isLoading()) emit({ kind: 'open-article', path: relPath })
    else pendingArticle = relPath
  }
  const showError = (title: string, message: string): void => {
    log.write('warn', `${title}: ${message}`)
    dialog.showErrorBox(title, message)
  }
  const refreshMenu = async (): Promise<void> => {
    const recent = await host.recent.list()
    installMenu({
      platform,
      appName: app.name,
      recent: recent.ok ? recent.value : [],
      run: (id) => void runMenuCommand(id, { window, sendToRenderer: (command) => emit({ kind: 'command', id: command }), openFolder: () => void chooseFolder(), showAbout: () => app.showAboutPanel() }),
      openRecent: (dir) => void openTarget({ kind: 'folder', path: dir }),
      forgetMissing: () => void forgetRecent(true),
      clearRecent: () => void forgetRecent(false),
    })
  }
  const host = createFolioHost({
    pickFolder: () => pickFolderPath(window),
    chooseDestination: (name) => pickExportPath(window, name),
    renderPdf: createElectronPdfRenderer,
    // NOTE: the journal, export state and the folder index's summary cache sit in userData (known before app ready),
    // never in the content folder.
    stateDir: userData,
    cacheDir: path.join(userData, 'IndexCache'),
    openExternal: openInSystemBrowser,
    closeWindow: () => guard?.confirm(),
    onWatchError: (message) => log.write('warn', message),
    revealItem: (absPath) => shell.showItemInFolder(absPath),
    // NOTE: Electron's own trash (Finder's, the Recycle Bin, the freedesktop trash) for deleted articles: the desktop
    // app then needs no helper binaries, which the `trash` package ships for macOS and Windows outside the asar.
    trasher: (absPath) => shell.trashItem(absPath),
    onFolderOpened: (folder) => {
      app.addRecentDocument(folder.root)
      void refreshMenu()
      void windowStates.getOwn(folder.root).then((state) => {
        if (state && window && !window.isDestroyed()) applyWindowState(window, placeWindow(state, screen.getAllDisplays(), screen.getPrimaryDisplay()))
      })
    },
  })
  host.onEvent(emit)
  const currentRoot = (): string | null => host.session()?.info().root ?? null
  const openTarget = (target: LaunchTarget): Promise<void> =>
    openLaunchTarget(target, {
      currentRoot,
      recentRoots: async () => {
        const recent = await host.recent.list()
        return recent.ok ? recent.value.map((folder) => folder.path) : []
      },
      openFolder: (dir) => host.open(dir),
      showArticle,
      afterUnsavedCheck: async (action) => {
        if (guard) guard.request({ kind: 'open', run: () => void action() })
        else await action()
      },
      showError,
    })
  const chooseFolder = async (): Promise<void> => {
    const dir = await pickFolderPath(window)
    if (dir !== null) await openTarget({ kind: 'folder', path: dir })
  }
  const forgetRecent = async (isMissingOnly: boolean): Promise<void> => {
    const recent = await host.recent.list()
    for (const folder of recent.ok ? recent.value : []) if (!isMissingOnly || folder.isMissing) await host.recent.forget(folder.path)
    if (!isMissingOnly) app.clearRecentDocuments()
    await refreshMenu()
  }
  const settings = new UserStateStore(userData)
  const applySettings = async (): Promise<void> => {
    const read = await settings.settings()
    if (read.ok) applySpellCheckLanguages(session.defaultSession, read.value.spellCheckLanguages, options.platform)
  }
  // NOTE: the menu and the spell checker follow what the renderer changed through the shared handlers.
  const handlers: RequestHandlers = {
    ...host.handlers,
    saveSettings: async (...args) => {
      const saved = await host.handlers.saveSettings(...args)
      if (saved.ok) await applySettings()
      return saved
    },
    forgetRecentFolder: async (...args) => {
      const forgotten = await host.handlers.forgetRecentFolder(...args)
      await refreshMenu()
      return forgotten
    },
  }
  const openWindow = async (): Promise<BrowserWindow> => {
    const root = currentRoot() ?? noFolderKey
    const place = placeWindow(await windowStates.get(root), screen.getAllDisplays(), screen.getPrimaryDisplay())
    const created = createMainWindow({ preloadDir: path.join(options.outDir, 'preload'), devServerUrl: options.devServerUrl, place, ...(options.iconPath ? { iconPath: options.iconPath } : {}) })
    window = created
    guard = guardQuit(created, app, forwardEventsTo(created))
    trackWindowState(created, screen, (state) => void windowStates.set(currentRoot() ?? noFolderKey, state))
    watchRenderer(created, dialog, (message) => log.write('error', message))
    attachContextMenu(created.webContents, {
      popup: (template) => Menu.buildFromTemplate(template).popup({ window: created }),
      openExternal: (url) => void openInSystemBrowser(url),
      copyText: (text) => clipboard.writeText(text),
    })
    created.webContents.on('did-finish-load', () => {
      const article = pendingArticle
      pendingArticle = null
      if (article !== null) emit({ kind: 'open-article', path: article })
    })
    created.on('closed', () => {
      if (window === created) [window, guard] = [null, null]
    })
    return created
  }
  const focusWindow = async (): Promise<void> => {
    const shown = window ?? (await openWindow())
    if (shown.isMinimized()) shown.restore()
    shown.show()
    shown.focus()
  }

  // NOTE: what index.html carries for the first paint: the folder, its first rows, and the theme the user chose.
  const firstPage = async () => {
    const settings = await handlers.getSettings()
    return { data: await earlyDataOf(handlers), theme: settings.ok ? settings.value.theme : ('system' as const) }
  }
  registerAppScheme()
  lockAllWebContents()
  app.on('window-all-closed', () => {
    // NOTE: macOS apps stay running with no window (the Dock icon reopens one); elsewhere the last window ends the app.
    if (options.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (window === null && app.isReady()) void openWindow()
  })
  void app.whenReady().then(async () => {
    denyPermissions(session.defaultSession)
    await applySettings()
    const disposers = [serveRenderer(path.join(options.outDir, 'renderer'), firstPage), serveAssets(() => host.session()?.root ?? null), registerRequests(handlers, options.devServerUrl)]
    app.on('will-quit', () => disposers.forEach((dispose) => dispose()))
    // NOTE: on will-quit, not before-quit: the window's quit guard can still cancel a quit after before-quit.
    app.on('will-quit', () => void host.dispose())
    const first = launchTargetFromArgv(options.argv, { isPackaged: app.isPackaged, cwd: process.cwd() })
    if (first !== null) await openTarget(first)
    await refreshMenu()
    await openWindow()
    launches.start((target) => {
      void focusWindow().then(() => (target === null ? undefined : openTarget(target)))
    })
  })
  return true
}
