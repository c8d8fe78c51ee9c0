import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ShardCore } from '../../../../src/core/index/shard-core'
import { serveShardRequest, type ShardMessage } from '../../../../src/core/index/shard-protocol'

// A shard serves its requests side by side: a summarize request yields between batches (and after 50 ms of work, a
// few slow files on a busy machine), so a restarted worker's re-reads and its full-text pass are in hand at once.
// The full-text pass must still cover every file the shard was handed: when it drained its queue mid-way through a
// re-read it answered "done" without the files read after it, and a search found nothing for them (seen once under
// load in shard-restart.test.ts).

const count = 40
/** A word only file `i` holds (letters only: `wordcbx` for 21). */
const wordOf = (i: number): string => `word${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '')}x`
let root = ''
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-serving-order-'))
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(root, `f${i}.md`), `---\ntitle: File ${i}\n---\n${wordOf(i)} here\n`)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Serves `request` on `core`, resolving with its reply once it is posted. */
function serve(core: ShardCore, request: Parameters<typeof serveShardRequest>[1]): Promise<ShardMessage> {
  return new Promise((resolve) => {
    void serveShardRequest(core, request, (message) => {
      if (message.kind === 'reply') resolve(message)
    })
  })
}

it('answers the full-text pass only once the summaries in hand beside it are in, each file read since included', async () => {
  // NOTE: every file ends a slice (the clock moves 100 ms per look), as slow files do on a busy machine: the
  // summarize request yields after each file while the full-text pass takes 200 files per turn.
  let now = 0
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 100))
  const core = new ShardCore(root)
  const paths = Array.from({ length: count }, (_, i) => `f${i}.md`)
  await serve(core, { id: 1, op: 'summarize', paths: paths.slice(0, 2) })
  // A re-read in hand (not awaited) and the full-text pass asked for beside it, in both orders.
  const rereading = serve(core, { id: 2, op: 'summarize', paths: paths.slice(2, count / 2) })
  await serve(core, { id: 3, op: 'build-terms' })
  for (const i of [0, 2, count / 2 - 1]) expect(core.search([wordOf(i)], 10).total, wordOf(i)).toBe(1)
  await rereading
  const building = serve(core, { id: 4, op: 'build-terms' })
  const later = serve(core, { id: 5, op: 'summarize', paths: paths.slice(count / 2) })
  await building
  for (const i of [count / 2, count - 1]) expect(core.search([wordOf(i)], 10).total, wordOf(i)).toBe(1)
  await later
})
