import fs from 'node:fs'
import path from 'node:path'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { nodeFs, type FsPort } from '../../../../src/core/fs-port'
import { withFaults } from '../../../support/fault-fs'
import { MemoryArticleStore } from '../../../support/memory-store'
import { folderTrasher } from '../../../support/folder-trasher'
import { makeTempDir, removeTempDir } from '../corpus'
import { testArticleStore, type StoreHarness } from './store-contract'

/** A NodeArticleStore on a fresh temp site (over `port` when given), with a folder trasher beside it. */
async function nodeStoreHarness(prefix: string, port?: FsPort): Promise<StoreHarness> {
  const dir = makeTempDir(prefix)
  fs.mkdirSync(path.join(dir, 'site'))
  const opened = await NodeArticleStore.open(path.join(dir, 'site'), { ...(port ? { fs: port } : {}), trasher: folderTrasher(path.join(dir, 'trash')) })
  if (!opened.ok) throw new Error(opened.error.message)
  const store = opened.value
  return {
    store,
    setReadOnly: (rel) => fs.chmodSync(path.join(store.root, ...rel.split('/')), 0o444),
    dispose: () => removeTempDir(dir),
  }
}

testArticleStore('NodeArticleStore', () => nodeStoreHarness('folio-store-'))

testArticleStore('MemoryArticleStore (the fake other tests use)', () => {
  const store = new MemoryArticleStore()
  return Promise.resolve({ store, setReadOnly: (rel) => store.setWritable(rel, false), dispose: () => undefined })
})

// NOTE: the fault-injecting port (tests/support/fault-fs.ts) stands in for the real FsPort in the fault tests; with
// no fault armed it must be the real port exactly, so the store over it passes the same contract.
testArticleStore('NodeArticleStore over withFaults(nodeFs, []) (the port of the fault tests, no fault armed)', () => nodeStoreHarness('folio-store-faults-', withFaults(nodeFs, [])))
