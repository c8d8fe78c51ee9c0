import { commands } from './commands/index'
import { exitCode, type CliIo } from './command'

/** Runs `folio <command> ...args` and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  const entry = commands.find((c) => c.name === name)
  if (!entry || name === undefined) {
    const isHelp = name === undefined || name === '--help' || name === '-h' || name === 'help'
    // NOTE: help is the one place every command is loaded (for its usage line).
    const loaded = await Promise.all(commands.map((c) => c.load()))
    const lines = ['usage: folio <command> [args]', '', ...loaded.map((c) => `  ${c.usage}`)]
    ;(isHelp ? io.stdout : io.stderr)(lines.join('\n') + '\n')
    if (!isHelp) io.stderr(`folio: unknown command "${name}"\n`)
    return isHelp ? exitCode.ok : exitCode.usage
  }
  const command = await entry.load()
  return command.run(rest, io)
}
