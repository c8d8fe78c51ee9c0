import { runCli } from './index'

// NOTE: a reader that stops early (`folio index site | head`) closes the pipe; like other Unix tools, stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

// NOTE: the process entry point is kept apart from runCli so tests can call runCli without exiting.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
})
process.exitCode = code
