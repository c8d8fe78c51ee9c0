import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { FolderHost } from '../../../src/main/folder-host'
import { makeTempDir, removeTempDir } from '../core/corpus'

describe('FolderHost (the desktop app\'s open folder)', () => {
  it('tells the window the folder is open, watches it, and closes the previous folder on the next open', async () => {
    const first = makeTempDir()
    const second = makeTempDir()
    const cacheDir = makeTempDir('folio-cache-')
    fs.writeFileSync(path.join(first, 'a.md'), '---\ntitle: A\n---\nBody.\n')
    fs.writeFileSync(path.join(second, 'b.md'), '---\ntitle: B\n---\nBody.\n')
    const events: FolderEvent[] = []
    const host = new FolderHost((e) => events.push(e), () => Promise.resolve(second), cacheDir)
    try {
      const opened = await host.open(first)
      expect(opened).toEqual({ ok: true, value: { root: first, name: path.basename(first) } })
      expect(events).toContainEqual({ kind: 'folder-opened', folder: { root: first, name: path.basename(first) } })
      fs.writeFileSync(path.join(first, 'new.md'), '---\ntitle: New\n---\n')
      await vi.waitFor(() => expect(events).toContainEqual({ kind: 'article-added', path: 'new.md' }), { timeout: 5000 })
      const picked = await host.pickFolder()
      expect(picked.ok && picked.value?.root).toBe(second)
      expect(host.session()?.root.root).toBe(second)
      const listed = await host.session()?.listArticles()
      expect(listed?.ok && listed.value.map((a) => a.path)).toEqual(['b.md'])
    } finally {
      await host.dispose()
      for (const dir of [first, second, cacheDir]) removeTempDir(dir)
    }
  })
})
