import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { ContentRoot } from '../../../src/core/content-root'
import { KnownHashes } from '../../../src/core/file-version'
import { FolderWatcher } from '../../../src/core/folder-watcher'
import { nodeFs } from '../../../src/core/fs-port'
import { NodeArticleStore } from '../../../src/core/store/node-store'
import { makeTempDir, removeTempDir } from './corpus'

let dir = ''
afterEach(() => removeTempDir(dir))

describe('FolderWatcher', () => {
  // NOTE: the watcher reads each changed file to judge the event. Two checks of one file at once (the two events of
  // one rewrite, or an event and its recheck) could finish out of order; the older text, reported last, became the
  // article's version after the newer one. Here the first read is held until the second has been asked for.
  it("reports one file's changes in the order of its reads, even when an older read finishes later", async () => {
    dir = makeTempDir()
    const file = path.join(dir, 'a.md')
    fs.writeFileSync(file, '---\ntitle: "v0"\n---\n')
    const root = await ContentRoot.open(dir, nodeFs)
    if (!root.ok) throw new Error(root.error.message)
    const opened = await NodeArticleStore.open(root.value.root, { fs: nodeFs })
    if (!opened.ok) throw new Error(opened.error.message)
    const real = opened.value
    let reads = 0
    let releaseFirst: () => void = () => undefined
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    let secondEnded: () => void = () => undefined
    const secondRead = new Promise<void>((resolve) => (secondEnded = resolve))
    const store = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'read') return Reflect.get(target, key, receiver) as unknown
        return async (...args: Parameters<typeof real.read>) => {
          reads += 1
          const n = reads
          const result = await target.read(...args)
          if (n === 1) await firstHeld
          if (n === 2) secondEnded()
          return result
        }
      },
    })
    const watcher = new FolderWatcher({ root: root.value, store, fs: nodeFs, known: new KnownHashes() })
    // NOTE: counts the watcher's checks as they are asked for (each event's check), to know when the second began.
    const checks = vi.spyOn(watcher as unknown as { onFile: (absPath: string, isAdd: boolean) => Promise<void> }, 'onFile')
    const events: FolderEvent[] = []
    watcher.onEvent((e) => events.push(e))
    await watcher.start()
    try {
      fs.writeFileSync(file, '---\ntitle: "v1"\n---\n')
      await vi.waitFor(() => expect(reads).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 10 })
      fs.writeFileSync(file, '---\ntitle: "v2"\n---\n')
      // NOTE: in a row, the second check's read starts only after the first ends; at once, it ends first.
      await vi.waitFor(() => expect(checks.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 10 })
      // A check asks for its read at once when nothing is before it, so a second read is under way by now or waits.
      if (reads >= 2) await secondRead
      releaseFirst()
      const hashOf = async (): Promise<string> => {
        const read = await real.read('a.md')
        if (!read.ok) throw new Error(read.error.message)
        return read.value.version.hash
      }
      const v2 = await hashOf()
      await vi.waitFor(() => expect(events.filter((e) => e.kind === 'article-changed').at(-1)).toMatchObject({ version: { hash: v2 } }), { timeout: 10_000, interval: 10 })
      // NOTE: the recheck (300 ms after the first event) reads v2 again: known, so nothing more is reported.
      await vi.waitFor(() => expect(reads).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 10 })
      await vi.waitFor(() => expect(events.filter((e) => e.kind === 'article-changed').at(-1)).toMatchObject({ version: { hash: v2 } }), { timeout: 10_000, interval: 10 })
      // NOTE: never back in time: once v2 was reported, v1 is not reported after it.
      const hashes = events.flatMap((e) => (e.kind === 'article-changed' ? [e.version.hash] : []))
      expect(hashes.slice(hashes.indexOf(v2))).toEqual([v2])
    } finally {
      await watcher.dispose()
    }
  })
})
