import { execFileSync } from 'node:child_process'
import { repoRoot } from '../corpus'

describe('lowerThreadPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the nice value of the calling thread (Linux)', () => {
    // NOTE: in a child process, so this test's own thread keeps its priority.
    const script = `
      import os from 'node:os'
      const { lowerThreadPriority } = await import('./src/core/index/thread-priority.ts')
      const lowered = lowerThreadPriority()
      console.log(JSON.stringify({ lowered, self: os.getPriority(process.pid) }))
    `
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' })
    expect(JSON.parse(out.trim())).toEqual({ lowered: true, self: 10 })
  })
})
