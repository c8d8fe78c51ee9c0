import type { App } from 'electron'
import { launchTargetFromArgv, targetFromPath, targetFromUrl, type LaunchTarget } from './launch-target'

/** The app events a launch can arrive by. */
export type LaunchApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on' | 'isPackaged'>

/**
 * Makes this the only Folio process: false (and the app quits) when another one runs; that one gets this launch's
 * arguments as `second-instance` and opens what they name.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit'>): boolean {
  if (app.requestSingleInstanceLock()) return true
  app.quit()
  return false
}

/**
 * Collects what the system asks Folio to open, from the first moment (macOS sends `open-file`/`open-url` before
 * `ready` when a double-clicked file starts the app): a second launch's arguments (`second-instance`, where an
 * empty target just brings the window forward), `open-file` and `open-url`. Requests wait until `start(deliver)`,
 * then go straight to `deliver`. Must be called before the app is ready.
 */
export function listenForLaunches(app: LaunchApp): { start(deliver: (target: LaunchTarget | null) => void): void } {
  const waiting: (LaunchTarget | null)[] = []
  let deliver: ((target: LaunchTarget | null) => void) | null = null
  const take = (target: LaunchTarget | null): void => {
    if (deliver) deliver(target)
    else waiting.push(target)
  }
  app.on('second-instance', (_event, argv, workingDirectory) => take(launchTargetFromArgv(argv, { isPackaged: app.isPackaged, cwd: workingDirectory })))
  app.on('open-file', (event, file) => {
    // NOTE: preventDefault tells macOS the file was handled (otherwise it reports that Folio could not open it).
    event.preventDefault()
    take(targetFromPath(file, file))
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const target = targetFromUrl(url)
    if (target !== null) take(target)
  })
  return {
    start(next) {
      deliver = next
      for (const target of waiting.splice(0)) next(target)
    },
  }
}
