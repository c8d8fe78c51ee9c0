import fs from 'node:fs'
import path from 'node:path'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
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
