import { runCli } from './index'

// NOTE: the process entry point is kept apart from runCli so tests can call runCli without exiting.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
})
process.exitCode = code
