import { commands } from './commands/index'
import { exitCode, type CliIo } from './command'

/** Runs `folio <command> ...args` and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  const command = commands.find((c) => c.name === name)
  if (!command || name === undefined) {
    const isHelp = name === undefined || name === '--help' || name === '-h' || name === 'help'
    const lines = ['usage: folio <command> [args]', '', ...commands.map((c) => `  ${c.usage}`)]
    ;(isHelp ? io.stdout : io.stderr)(lines.join('\n') + '\n')
    if (!isHelp) io.stderr(`folio: unknown command "${name}"\n`)
    return isHelp ? exitCode.ok : exitCode.usage
  }
  return command.run(rest, io)
}
