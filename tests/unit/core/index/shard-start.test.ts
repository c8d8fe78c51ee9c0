import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ShardClient } from '../../../../src/core/index/shard-client'

// A shard's worker thread starts with its first request, not when the shard is made: `folio serve` holds the index's
// requests until its page is up, and two workers starting took the CPU that page needed. Node starts a worker's
// thread inside `new Worker`, so the process's thread count right after the shard is made tells.

let root = ''
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-shard-start-'))
  fs.writeFileSync(path.join(root, 'a.md'), '---\ntitle: Alpha\n---\nbody\n')
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

it.runIf(process.platform === 'linux')('starts no worker thread until the first request, then one', async () => {
  const threads = (): number => fs.readdirSync('/proc/self/task').length
  const before = threads()
  const client = new ShardClient(root, 'worker')
  try {
    expect(client.isWorker).toBe(true)
    expect(threads()).toBe(before)
    const listed: string[] = []
    expect(await client.list((paths) => listed.push(...paths))).toBe(true)
    expect(listed).toEqual(['a.md'])
    expect(threads()).toBeGreaterThan(before)
  } finally {
    await client.dispose()
  }
})
