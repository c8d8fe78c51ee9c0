import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { readForSummary, readIndexedText } from '../../../../src/core/index/shard-files'
import { makeTempDir, removeTempDir } from '../corpus'

const isPosix = process.platform !== 'win32'
let dir = ''
let site = ''
let outside = ''
const at = (rel: string): string => path.join(site, ...rel.split('/'))

beforeEach(() => {
  dir = makeTempDir('folio-planted-')
  site = path.join(dir, 'site')
  outside = path.join(dir, 'outside')
  fs.mkdirSync(path.join(site, 'posts'), { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: Exfiltrated\n---\nzyzzyva secret\n')
  fs.writeFileSync(at('posts/a.md'), '---\ntitle: A\n---\nalpha\n')
})
afterEach(() => removeTempDir(dir))

describe.runIf(isPosix)('the index reads files as the listing judges them', () => {
  it('treats a link, a link to a folder and a FIFO as no article, without blocking', () => {
    fs.symlinkSync(path.join(outside, 'secret.md'), at('planted.md'))
    fs.symlinkSync(outside, at('linked'))
    execFileSync('mkfifo', [at('fifo.md')])
    for (const read of [readForSummary, readIndexedText]) {
      expect(read(at('planted.md'), site)).toEqual({ kind: 'missing' })
      expect(read(at('fifo.md'), site)).toEqual({ kind: 'missing' })
      expect(read(at('posts/a.md'), site)).toMatchObject({ kind: 'text' })
    }
  })
})

describe.runIf(isPosix)('links and FIFOs planted while Folio runs', () => {
  it('are neither indexed, nor reported by the watcher, nor searchable', async () => {
    const opened = await FolderSession.open(site, { retryDelayMs: 1, index: { mode: 'local' } })
    if (!opened.ok) throw new Error(opened.error.message)
    const session = opened.value
    try {
      await session.start()
      expect((await session.whenIndexed()).ok).toBe(true)
      const events: FolderEvent[] = []
      session.onEvent((e) => events.push(e))
      fs.symlinkSync(path.join(outside, 'secret.md'), at('planted.md'))
      fs.symlinkSync(outside, at('linked'))
      execFileSync('mkfifo', [at('fifo.md')])
      // NOTE: a real article added after them: once it is indexed, the watcher has had the planted ones in hand.
      fs.writeFileSync(at('posts/marker.md'), '---\ntitle: Marker\n---\nmarker\n')
      await vi.waitFor(() => {
        const snapshot = session.articleIndex()
        expect(snapshot.ok && snapshot.value.articles.some((a) => a.path === 'posts/marker.md')).toBe(true)
      }, { timeout: 10_000 })
      const snapshot = session.articleIndex()
      expect(snapshot.ok && snapshot.value.articles.map((a) => a.path).sort()).toEqual(['posts/a.md', 'posts/marker.md'])
      const search = await session.searchArticles('zyzzyva')
      expect(search.ok && search.value.hits).toEqual([])
      const touched = events.flatMap((e) => ('path' in e ? [e.path] : 'articles' in e ? e.articles.map((a) => a.path) : []))
      expect(touched.filter((p) => p === null || !p.startsWith('posts/'))).toEqual([])
      const read = await session.readArticle('linked/secret.md')
      expect(read.ok || read.error.code).toBe('INVALID_PATH')
    } finally {
      await session.dispose()
    }
  })
})
