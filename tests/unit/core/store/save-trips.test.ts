import { createHook } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { makeTempDir, removeTempDir } from '../corpus'

// Issue 22: a save took 3-4x a plain atomic write, mostly in ~19 trips through the thread pool (each a worker
// thread's wake-up and the event loop's). The store now makes only the disk waits there: a save's two fsyncs (the
// temp file's, the folder's after the rename). Counted, not timed: every file-system request Node sends to the pool
// is an async resource of one of these types.
const poolTypes = new Set(['FSREQCALLBACK', 'FSREQPROMISE', 'FILEHANDLE', 'FILEHANDLECLOSEREQ'])

/** How many thread-pool requests `action` made. */
async function poolTrips(action: () => Promise<unknown>): Promise<number> {
  let trips = 0
  const hook = createHook({
    init(_id, type) {
      if (poolTypes.has(type)) trips += 1
    },
  })
  hook.enable()
  try {
    await action()
  } finally {
    hook.disable()
  }
  return trips
}

let dir = ''
beforeEach(() => {
  dir = makeTempDir('folio-trips-')
  fs.mkdirSync(path.join(dir, 'posts'))
  fs.writeFileSync(path.join(dir, 'posts', 'a.md'), '---\ntitle: A\n---\nBody.\n')
})
afterEach(() => removeTempDir(dir))

describe('the store on the real port: thread-pool trips', () => {
  it('a save makes two, its fsyncs; a read of an article makes none', async () => {
    const opened = await NodeArticleStore.open(dir)
    if (!opened.ok) throw new Error(opened.error.message)
    const store = opened.value
    let hash = ''
    expect(
      await poolTrips(async () => {
        const read = await store.read('posts/a.md')
        if (!read.ok) throw new Error(read.error.message)
        hash = read.value.version.hash
      }),
    ).toBe(0)
    let code = ''
    const trips = await poolTrips(async () => {
      const written = await store.write('posts/a.md', new TextEncoder().encode('---\ntitle: A\n---\nBody, edited.\n'), { baseHash: hash })
      code = written.ok ? 'written' : written.error.code
    })
    expect(code).toBe('written')
    // NOTE: Windows cannot open a folder to fsync it (syncFolder skips it there).
    expect(trips).toBe(process.platform === 'win32' ? 1 : 2)
    expect(fs.readFileSync(path.join(dir, 'posts', 'a.md'), 'utf8')).toBe('---\ntitle: A\n---\nBody, edited.\n')
  })
})
