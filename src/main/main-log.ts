import fs from 'node:fs'
import path from 'node:path'

/** A small append-only log of the main process. */
export interface MainLog {
  readonly file: string
  write(level: 'info' | 'warn' | 'error', message: string): void
}

/** Past this size the log is moved to `main.old.log` (one generation kept) before the next line. */
export const maxLogBytes = 1024 * 1024

function describe(value: unknown): string {
  return value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : String(value)
}

/**
 * Opens `<dir>/main.log` (userData/logs): one line per entry, ISO time first, rotated at maxLogBytes. Writes are
 * synchronous so that the line about an uncaught error is on disk before the process ends. A log that cannot be
 * written never takes the app down: the entry goes to stderr instead.
 */
export function openMainLog(dir: string, now: () => Date = () => new Date(), fallback: (text: string) => void = (text) => process.stderr.write(text)): MainLog {
  const file = path.join(dir, 'main.log')
  return {
    file,
    write(level, message) {
      const line = `${now().toISOString()} [${level}] ${message.replace(/\r?\n/g, '\n    ')}\n`
      try {
        fs.mkdirSync(dir, { recursive: true })
        const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0
        if (size + line.length > maxLogBytes) fs.renameSync(file, path.join(dir, 'main.old.log'))
        fs.appendFileSync(file, line)
      } catch (error) {
        fallback(`Folio could not write its log (${describe(error)}): ${line}`)
      }
    },
  }
}

/** The process events that report main-process errors. */
export interface ErrorSource {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * Sends uncaught exceptions and unhandled rejections of the main process to the log. NOTE: an uncaught exception still ends the app (after the line is written): state after one is unknown.
 */
export function logMainErrors(log: MainLog, source: ErrorSource, exit: (code: number) => void): void {
  source.on('uncaughtException', (error) => {
    log.write('error', `uncaught exception: ${describe(error)}`)
    exit(1)
  })
  source.on('unhandledRejection', (reason) => log.write('error', `unhandled rejection: ${describe(reason)}`))
}

/** Copies console warnings and errors (the host's own reports, e.g. a recent list it could not save) into the log. */
export function mirrorConsole(log: MainLog, target: Pick<Console, 'warn' | 'error'>): void {
  const warn = target.warn.bind(target)
  const error = target.error.bind(target)
  target.warn = (...args: unknown[]) => {
    log.write('warn', args.map(describe).join(' '))
    warn(...args)
  }
  target.error = (...args: unknown[]) => {
    log.write('error', args.map(describe).join(' '))
    error(...args)
  }
}
