import { simpleGit, type SimpleGitProgressEvent } from 'simple-git'
import { fail, ok, type Result } from '@shared/result'

/** How to run git: the folder, time limits, and (tests only) the environment to start from. */
export interface GitRunnerOptions {
  /** The folder git runs in (the opened content folder). */
  cwd: string
  /** Milliseconds a command may stay silent before it is killed; default 30 s. */
  timeoutMs?: number
  /** The environment to start from (default process.env); guarded keys are filtered either way. */
  env?: NodeJS.ProcessEnv
}

/** Options of one command. */
export interface RunOptions {
  /** Kills the command when aborted (Sync's Cancel). */
  signal?: AbortSignal
  /** Extra variables for this command (keys must be in passedKeys). */
  env?: Record<string, string>
  timeoutMs?: number
  /** Told of git's progress lines (fetch, push). */
  onProgress?: (event: SimpleGitProgressEvent) => void
}

/** What a finished command printed. `exitCode` is 0 unless the caller allowed failure (see runAllowingFailure). */
export interface GitOutput {
  stdout: string
  exitCode: number
}

/** The message shown wherever git is needed but missing. */
export const gitMissingMessage =
  'Git is not installed or not on PATH. Install it (https://git-scm.com/downloads; macOS: xcode-select --install; ' +
  'Debian/Ubuntu: sudo apt install git; Windows: winget install Git.Git), then reopen the folder. Everything else in Folio works without it.'

// NOTE: every GIT_* variable (and EDITOR, PAGER…) can make git run programs or read other config. simple-git refuses
// inherited ones it was not told about, so the environment is filtered here: only these pass from the user's
// environment (credentials, proxies and CA bundles stay the user's), plus the ones Folio sets itself.
const inheritedKeys = ['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'GIT_SSL_NO_VERIFY', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_SYSTEM', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_HTTP_PROXY_AUTHMETHOD']
const guardedNames = new Set(['editor', 'pager', 'prefix', 'visual', 'ssh_askpass'])

/** The environment every git command gets: no prompts (a credential helper or nothing), literal pathspecs, C messages. */
function gitEnvironment(base: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue
    const lower = key.toLowerCase()
    const isGuarded = lower.startsWith('git_') || guardedNames.has(lower)
    if (!isGuarded || inheritedKeys.includes(key)) env[key] = value
  }
  // NOTE: GIT_TERMINAL_PROMPT=0 so a missing credential fails at once instead of waiting for a terminal that does
  // not exist; GIT_LITERAL_PATHSPECS=1 so a file named `*.md` is that file, never a glob; LC_ALL=C so messages are
  // the English ones the error mapping expects.
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1', GIT_MERGE_AUTOEDIT: 'no', LC_ALL: 'C', LANGUAGE: 'C' }
}

/**
 * Runs the system git through simple-git: explicit argument arrays (never a shell), a silence timeout, no prompts,
 * a filtered environment. Failures are values: UNSUPPORTED when git is missing, IO with git's own message otherwise.
 */
export class GitRunner {
  private readonly env: Record<string, string>
  private readonly timeoutMs: number

  constructor(private readonly options: GitRunnerOptions) {
    this.env = gitEnvironment(options.env ?? process.env)
    this.timeoutMs = options.timeoutMs ?? 30_000
  }

  /** The folder commands run in. */
  get cwd(): string {
    return this.options.cwd
  }

  /** Runs `git <args>`; a non-zero exit is a failure carrying git's message. */
  async run(args: string[], options: RunOptions = {}): Promise<Result<string>> {
    const output = await this.runAllowingFailure(args, options)
    if (!output.ok) return output
    if (output.value.exitCode !== 0) return fail('IO', firstLines(output.value.stdout) || `git ${args[0] ?? ''} failed.`)
    return ok(output.value.stdout)
  }

  /** Runs `git <args>` and reports a non-zero exit as a value (stdout then holds git's stderr and stdout). */
  async runAllowingFailure(args: string[], options: RunOptions = {}): Promise<Result<GitOutput>> {
    const refused = destructiveCommand(args)
    if (refused !== null) return fail('INVALID_ARGUMENT', `Folio never runs git ${refused}: it could lose work.`)
    const env = { ...this.env, ...options.env }
    const git = simpleGit({
      baseDir: this.options.cwd,
      binary: 'git',
      maxConcurrentProcesses: 4,
      trimmed: false,
      timeout: { block: options.timeoutMs ?? this.timeoutMs },
      allowEnvironment: Object.keys(env).filter((key) => key.toLowerCase().startsWith('git_') || guardedNames.has(key.toLowerCase())),
      // NOTE: simple-git treats a non-zero exit with nothing on stderr as success (a conflicting merge prints to
      // stdout only); here any non-zero exit is a failure carrying its code and everything git printed.
      errors: (error, result) => (result.exitCode === 0 ? undefined : new GitExitError(result.exitCode, Buffer.concat([...result.stdErr, ...result.stdOut]).toString('utf8') || (error?.toString() ?? ''))),
      ...(options.signal ? { abort: options.signal } : {}),
      ...(options.onProgress ? { progress: options.onProgress } : {}),
    }).env(env)
    try {
      return ok({ stdout: await git.raw(args), exitCode: 0 })
    } catch (error) {
      return toFailure(error, options.signal)
    }
  }
}

/** Git ran and exited with a non-zero code. */
class GitExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message)
  }
}

/** Maps simple-git's rejection: a missing binary, an abort, a timeout, or git's exit with its message. */
function toFailure(error: unknown, signal: AbortSignal | undefined): Result<GitOutput> {
  if (signal?.aborted === true) return fail('BUSY', 'Cancelled.')
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  if (cause instanceof GitExitError) return ok({ stdout: cause.message, exitCode: cause.exitCode })
  const message = error instanceof Error ? error.message : String(error)
  if (/spawn git ENOENT|ENOENT/.test(message) && /spawn/.test(message)) return fail('UNSUPPORTED', gitMissingMessage)
  if (/timed out|timeout/i.test(message) && /block/i.test(message)) return fail('IO', 'Git did not answer in time; the command was stopped.')
  // NOTE: simple-git rejects on any non-zero exit with git's output as the message; the caller decides what it means.
  return ok({ stdout: message, exitCode: 1 })
}

/** The first lines of git's message, for an error shown to the writer. */
export function firstLines(text: string, count = 6): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('hint:'))
    .slice(0, count)
    .join(' ')
}

/**
 * The name of a command that could lose work for good (reset --hard/--merge/--keep, clean, a forced push or checkout),
 * or null. The runner refuses these whoever asks, so no future caller can slip one in.
 */
export function destructiveCommand(args: readonly string[]): string | null {
  const [command, ...rest] = args
  const has = (...flags: string[]): boolean => rest.some((arg) => flags.includes(arg) || flags.some((flag) => flag.startsWith('--') && arg.startsWith(`${flag}=`)))
  if (command === 'clean') return 'clean'
  if (command === 'reset' && has('--hard', '--merge', '--keep')) return 'reset --hard'
  if (command === 'push' && (has('--force', '-f', '--force-with-lease', '--mirror', '--delete', '-d', '--prune') || rest.some((arg) => arg.startsWith('+')))) return 'push --force'
  if ((command === 'checkout' || command === 'switch') && has('--force', '-f', '--discard-changes')) return `${command} --force`
  return null
}
