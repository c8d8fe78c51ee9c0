import type { Trasher } from '../core/store/trasher'

/** Where a command writes; injectable so tests capture output without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  /** Where `folio rm` (and an undone create) sends files; default the system trash (the `trash` package). Tests inject a folder. */
  trasher?: Trasher
  /**
   * Starts `folio <args>` as a detached process at the lowest priority, its output dropped; only the process entry
   * (main.ts) gives this, so a command run in-process (tests) never starts one.
   */
  startInBackground?: (args: string[]) => void
  /**
   * Ends the process now with `code`, without Node's teardown of its heap and threads (tens of ms after a large
   * search); a command calls it last, once its output is written and nothing of its own is left running. Only the
   * process entry gives this, and only where output is written synchronously (POSIX), so nothing written is lost.
   */
  exitNow?: (code: number) => void
}

/** Exit codes of every `folio` command: 0 ok, 1 a content problem, 2 a usage error. */
export const exitCode = { ok: 0, content: 1, usage: 2 } as const

/** One `folio <name>` subcommand. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string
  usage: string
  run(args: string[], io: CliIo): Promise<number>
}
