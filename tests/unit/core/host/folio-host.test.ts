import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { createFolioHost } from '../../../../src/core/host/folio-host'
import type { PdfRenderer } from '../../../../src/core/export/index'
import { makeTempDir, removeTempDir } from '../corpus'

const namingWorker = new URL('../../../support/cache-naming-index-worker.ts', import.meta.url)
const noPdf = (): PdfRenderer => ({ render: () => Promise.reject(new Error('no PDF in this test')), close: () => Promise.resolve() })

describe('createFolioHost (one host for the desktop app and folio serve)', () => {
  it('opens a folder, tells every subscriber, watches it, and closes the previous folder when the picker chooses another', async () => {
    const first = makeTempDir()
    const second = makeTempDir()
    const state = makeTempDir('folio-state-')
    fs.writeFileSync(path.join(first, 'a.md'), '---\ntitle: A\n---\nBody.\n')
    fs.writeFileSync(path.join(second, 'b.md'), '---\ntitle: B\n---\nBody.\n')
    const events: FolderEvent[] = []
    const host = createFolioHost({ pickFolder: () => Promise.resolve(second), renderPdf: noPdf, stateDir: state, cacheDir: null })
    const unsubscribe = host.onEvent((e) => events.push(e))
    try {
      const opened = await host.open(first)
      expect(opened).toEqual({ ok: true, value: { root: first, name: path.basename(first) } })
      expect(events).toContainEqual({ kind: 'folder-opened', folder: { root: first, name: path.basename(first) } })
      await host.watching()
      fs.writeFileSync(path.join(first, 'new.md'), '---\ntitle: New\n---\n')
      await vi.waitFor(() => expect(events).toContainEqual({ kind: 'article-added', path: 'new.md' }), { timeout: 5000 })
      const picked = await host.handlers.openFolder()
      expect(picked.ok && picked.value?.root).toBe(second)
      expect((await host.handlers.getFolder()).ok && host.session()?.root.root).toBe(second)
      const listed = await host.handlers.listArticles()
      expect(listed.ok && listed.value.map((a) => a.path)).toEqual(['b.md'])
      // NOTE: the journal lives in the state folder the face gave, never in the content folder.
      const write = await host.handlers.writeJournal({ path: 'b.md', text: 'x', baseVersion: null })
      expect(write.ok).toBe(true)
      expect(fs.readdirSync(second)).toEqual(['b.md'])
      expect(fs.readdirSync(state).length).toBeGreaterThan(0)
    } finally {
      unsubscribe()
      await host.dispose()
      for (const dir of [first, second, state]) removeTempDir(dir)
    }
  })

  it('keeps the open folder when another fails to open, and answers UNSUPPORTED without a picker or a browser opener', async () => {
    const dir = makeTempDir()
    const state = makeTempDir('folio-state-')
    const host = createFolioHost({ renderPdf: noPdf, stateDir: state, cacheDir: null })
    try {
      expect((await host.open(dir)).ok).toBe(true)
      const missing = await host.open(path.join(dir, 'missing'))
      expect(missing.ok).toBe(false)
      expect(host.session()?.root.root).toBe(dir)
      expect(await host.handlers.openFolder()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
      expect(await host.handlers.openExternal('https://example.com/')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
      expect(await host.handlers.confirmClose()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    } finally {
      await host.dispose()
      removeTempDir(dir)
      removeTempDir(state)
    }
  })

  it('indexes a folder of fewer than 200 articles with one shard and a larger one with two', async () => {
    const state = makeTempDir('folio-state-')
    const cache = makeTempDir('folio-cache-')
    const small = makeTempDir()
    const large = makeTempDir()
    for (let i = 0; i < 199; i++) fs.writeFileSync(path.join(small, `a${i}.md`), '---\ntitle: A\n---\n')
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(large, `a${i}.md`), '---\ntitle: A\n---\n')
    // NOTE: each shard's worker (a stand-in) creates its cache file, whose name says which shard of how many it is.
    const host = createFolioHost({ renderPdf: noPdf, stateDir: state, cacheDir: cache, index: { mode: 'worker', workerScript: namingWorker } })
    const cacheFiles = (): string[] => (fs.existsSync(path.join(cache, 'index')) ? fs.readdirSync(path.join(cache, 'index')).map((name) => name.replace(/^[0-9a-f]+\./, '')).sort() : [])
    try {
      expect((await host.open(small)).ok).toBe(true)
      await vi.waitFor(() => expect(cacheFiles()).toEqual(['0-of-1.json']), { timeout: 10_000 })
      expect((await host.open(large)).ok).toBe(true)
      await vi.waitFor(() => expect(cacheFiles()).toEqual(['0-of-1.json', '0-of-2.json', '1-of-2.json']), { timeout: 10_000 })
    } finally {
      await host.dispose()
      for (const dir of [state, cache, small, large]) removeTempDir(dir)
    }
  })
})
