import fs from 'node:fs'
import path from 'node:path'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { nodeFs } from '../../../../src/core/fs-port'
import { withFaults } from '../../../support/fault-fs'
import { MemoryArticleStore } from '../../../support/memory-store'
import { folderTrasher } from '../../../support/folder-trasher'
import { makeTempDir, removeTempDir } from '../corpus'
import { testArticleStore } from './store-contract'

testArticleStore('NodeArticleStore', async () => {
  const dir = makeTempDir('folio-store-')
  fs.mkdirSync(path.join(dir, 'site'))
  const opened = await NodeArticleStore.open(path.join(dir, 'site'), { trasher: folderTrasher(path.join(dir, 'trash')) })
  if (!opened.ok) throw new Error(opened.error.message)
  const store = opened.value
  return {
    store,
    setReadOnly: (rel) => fs.chmodSync(path.join(store.root, ...rel.split('/')), 0o444),
    dispose: () => removeTempDir(dir),
  }
})

testArticleStore('MemoryArticleStore (the fake other tests use)', () => {
  const store = new MemoryArticleStore()
  return Promise.resolve({ store, setReadOnly: (rel) => store.setWritable(rel, false), dispose: () => undefined })
})

// NOTE: the fault-injecting port (tests/support/fault-fs.ts) stands in for the real FsPort in the fault tests; with
// no fault armed it must be the real port exactly, so the store over it passes the same contract.
testArticleStore('NodeArticleStore over withFaults(nodeFs, []) (the port of the fault tests, no fault armed)', async () => {
  const dir = makeTempDir('folio-store-faults-')
  fs.mkdirSync(path.join(dir, 'site'))
  const port = withFaults(nodeFs, [])
  const opened = await NodeArticleStore.open(path.join(dir, 'site'), { fs: port, trasher: folderTrasher(path.join(dir, 'trash')) })
  if (!opened.ok) throw new Error(opened.error.message)
  const store = opened.value
  return {
    store,
    setReadOnly: (rel) => fs.chmodSync(path.join(store.root, ...rel.split('/')), 0o444),
    dispose: () => removeTempDir(dir),
  }
})
