import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { nodeScript } from '../../../support/node-script'
import { removeTempDir } from '../corpus'

describe('lowerThreadPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the nice value of the calling thread (Linux)', () => {
    // NOTE: in a child process, so this test's own thread keeps its priority.
    const script = `
      import os from 'node:os'
      const { lowerThreadPriority } = await import('./src/core/index/thread-priority.ts')
      const lowered = lowerThreadPriority()
      console.log(JSON.stringify({ lowered, self: os.getPriority(process.pid) }))
    `
    const file = nodeScript(script)
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' })
    removeTempDir(path.dirname(file))
    expect(JSON.parse(out.trim())).toEqual({ lowered: true, self: 10 })
  })
})
