import { spawn, type ChildProcess } from 'node:child_process'

// NOTE: a separate process, so the swaps really run in parallel with the store's system calls (not between them).
const script = `
const fs = require('node:fs')
const [mode, at, a, b] = process.argv.slice(1)
const tmp = at + '.swap'
let i = 0
process.stdout.write('ready\\n')
for (;;) {
  i += 1
  try {
    if (mode === 'file') {
      fs.symlinkSync(i % 2 ? a : b, tmp)
      fs.renameSync(tmp, at)
    } else {
      // mode 'folder': "at" is a real folder (parked at "a") half of the time, a link to "b" the other half.
      if (i % 2) { fs.renameSync(at, a); fs.symlinkSync(b, at) } else { fs.unlinkSync(at); fs.renameSync(a, at) }
    }
  } catch {}
}
`

/**
 * Starts a process that keeps swapping `at`: mode `file` renames fresh links to `a` and `b` over it in turn; mode
 * `folder` turns the folder `at` into a link to `b` and back (parking it at `a`). Resolves once it runs; stop() ends it.
 */
export async function startLinkSwapper(mode: 'file' | 'folder', at: string, a: string, b: string): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['-e', script, mode, at, a, b], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.stdout?.once('data', () => resolve())
  })
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}
