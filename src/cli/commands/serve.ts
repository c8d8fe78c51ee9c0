import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IndexPlacement } from '../../core/host/folio-host'
import { startServer } from '../../server/index'
import { exitCode, type CliCommand } from '../command'

/** What `folio serve` can be given instead of its defaults (tests pass both). */
export interface ServeDeps {
  /** The built renderer; default `../renderer` beside the bundled CLI (`out/cli/folio.mjs` → `out/renderer`). */
  rendererDir?: string
  /** Resolves when the server should stop; default: the first SIGINT or SIGTERM. */
  waitForStop?: () => Promise<void>
  /**
   * Where the folder index runs; default `auto`: worker threads in the built `folio serve` (it ships the worker
   * entry), so a request never waits behind a file being indexed; this thread when run from TypeScript sources.
   */
  index?: IndexPlacement
  /** Where the index caches summaries; default defaultCacheDir() (tests pass null: none). */
  cacheDir?: string | null
}

const usage = 'serve <dir> [--port N]   serve <dir> to a browser on 127.0.0.1 (prints the URL with its token)'

/** The built renderer beside the bundle: `out/renderer` from `out/cli/folio.mjs` or from a chunk in `out/cli/chunks`. */
function bundledRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const candidates = [path.resolve(here, '..', 'renderer'), path.resolve(here, '..', '..', 'renderer')]
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

function parseArgs(args: string[]): { dir: string; port: number } | string {
  let dir: string | undefined
  let port = 0
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]
    if (arg === '--port') {
      const value = args[++i]
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) return `--port needs a number from 0 to 65535`
      port = Number(value)
    } else if (arg.startsWith('-')) return `unknown option ${arg}`
    else if (dir === undefined) dir = arg
    else return `unexpected argument ${arg}`
  }
  return dir === undefined ? 'missing <dir>' : { dir, port }
}

/** Builds the `folio serve` command; it resolves with exit code 0 after a clean stop, 1 or 2 when it cannot start. */
export function createServeCommand(deps: ServeDeps = {}): CliCommand {
  return {
    name: 'serve',
    usage,
    async run(args, io) {
      const parsed = parseArgs(args)
      if (typeof parsed === 'string') {
        io.stderr(`folio serve: ${parsed}\nusage: folio ${usage}\n`)
        return exitCode.usage
      }
      const dir = path.resolve(io.cwd, parsed.dir)
      const rendererDir = deps.rendererDir ?? bundledRendererDir()
      const onWatchError = (message: string): void => io.stderr(`folio serve: watching the folder failed (${message}); outside changes may not show.\n`)
      const started = await startServer({ root: dir, port: parsed.port, rendererDir, onWatchError, ...(deps.index ? { index: deps.index } : {}), ...(deps.cacheDir !== undefined ? { cacheDir: deps.cacheDir } : {}) })
      if (!started.ok) {
        io.stderr(`folio serve: ${started.error.message}\n`)
        return exitCode.content
      }
      io.stdout(`Folio serving ${dir} at ${started.value.url}\n`)
      await (deps.waitForStop ?? waitForSignal)()
      await started.value.close()
      return exitCode.ok
    },
  }
}

/** `folio serve <dir> [--port N]`: the browser-mode server; Ctrl+C (SIGINT) or SIGTERM stops it cleanly. */
export const serveCommand: CliCommand = createServeCommand()
