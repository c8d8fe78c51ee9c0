import type * as ChildProcesses from 'node:child_process'
import { createRequire } from 'node:module'
import os from 'node:os'
import { runCli } from './index'
import { stdioWriters } from './stdio'

// NOTE: node:child_process takes 10 ms of CPU to load (it brings net, dgram and the streams); only a search that
// starts a background job needs it, so it is loaded then, not on every command's start.
const loadBuiltin = createRequire(import.meta.url)

/** Starts this `folio` again with `args`, detached and at the lowest priority (see CliIo.startInBackground). */
function startInBackground(args: string[]): void {
  const { spawn } = loadBuiltin('node:child_process') as typeof ChildProcesses
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], { detached: true, stdio: 'ignore', cwd: process.cwd() })
  child.on('error', () => undefined) // NOTE: a background job that cannot start is no failure of this command.
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, 19)
  } catch {
    // NOTE: lowering the priority is a courtesy; a system that refuses it still gets the job.
  }
  child.unref()
}

// NOTE: a reader that stops early (`folio index site | head`) closes the pipe; like other Unix tools, stop quietly.
const { stdout, stderr } = stdioWriters(() => process.exit(process.exitCode ?? 0))

// NOTE: the process entry point is kept apart from runCli so tests can call runCli without exiting.
// NOTE: on POSIX stdout and stderr are written synchronously (stdio.ts), so exiting at once loses nothing; Windows
// keeps Node's streams (a console's writes may still be queued), so it waits for the loop to drain.
const exitNow = process.platform === 'win32' ? undefined : (code: number): void => process.exit(code)
const code = await runCli(process.argv.slice(2), { stdout, stderr, cwd: process.cwd(), startInBackground, exitNow })
process.exitCode = code
