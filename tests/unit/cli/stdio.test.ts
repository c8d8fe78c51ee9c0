import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeScript } from '../../support/node-script'

// The command's output is written straight to fd 1 and 2 on POSIX (see src/cli/stdio.ts): it must arrive whole even
// when the pipe is full and non-blocking (EAGAIN), as it is when another process set O_NONBLOCK on a shared pipe.
describe.skipIf(process.platform === 'win32')('writeAll', () => {
  it('writes the whole text to a full non-blocking pipe', async () => {
    const size = 1_000_000
    // NOTE: making process.stdout sets O_NONBLOCK on the pipe (libuv), so the pipe fills and writes meet EAGAIN.
    const script = `import { writeAll } from './src/cli/stdio.ts'\nvoid process.stdout\nwriteAll(1, 'x'.repeat(${size}) + 'end', () => process.exit(3))\n`
    const file = nodeScript(script)
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = 0
    let tail = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.length
      tail = (tail + chunk.toString('latin1')).slice(-3)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(out).toBe(size + 3)
    expect(tail).toBe('end')
  }, 60_000)
})
