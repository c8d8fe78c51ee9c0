import fs from 'node:fs'
import path from 'node:path'
import type { FolioApi } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { FakeApi } from '../../renderer/fake-api'
import { makeTempDir, removeTempDir } from '../corpus'

/** What the suite needs: the API's article reads and writes, a way to change a file outside, and to make it read-only. */
interface ApiHarness {
  api: Pick<FolioApi, 'readArticle' | 'writeArticle'>
  putOutside(relPath: string, text: string): void
  setReadOnly(relPath: string): void
  dispose(): Promise<void>
}

const lf = { hasBom: false, eol: 'lf' as const }

/**
 * The storage semantics the renderer relies on, run against the real host (FolderSession over the store) and the
 * renderer tests' FakeApi, so a renderer test on the fake proves what the real host does.
 */
function testArticleApi(name: string, make: () => Promise<ApiHarness>): void {
  describe(`article API storage contract: ${name}`, () => {
    let h: ApiHarness
    beforeEach(async () => {
      h = await make()
      h.putOutside('a.md', 'one\n')
    })
    afterEach(() => h.dispose())

    const read = async (rel: string) => {
      const doc = await h.api.readArticle(rel)
      if (!doc.ok) throw new Error(doc.error.message)
      return doc.value
    }

    it('reads, saves over the version read, and writes nothing for equal text', async () => {
      const doc = await read('a.md')
      expect(doc).toMatchObject({ text: 'one\n', isReadOnly: false })
      const same = await h.api.writeArticle({ path: 'a.md', text: 'one\n', format: lf, baseVersion: doc.version })
      expect(same.ok && same.value.written).toBe(false)
      const saved = await h.api.writeArticle({ path: 'a.md', text: 'two\n', format: lf, baseVersion: doc.version })
      expect(saved.ok && saved.value.written).toBe(true)
      expect((await read('a.md')).text).toBe('two\n')
    })

    it('answers NOT_FOUND for an absent article', async () => {
      const missing = await h.api.readArticle('nope.md')
      expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
    })

    it('refuses a save over a file changed outside with CONFLICT, and keeps both; force overwrites', async () => {
      const doc = await read('a.md')
      h.putOutside('a.md', 'theirs\n')
      const refused = await h.api.writeArticle({ path: 'a.md', text: 'mine\n', format: lf, baseVersion: doc.version })
      expect(refused.ok || refused.error.code).toBe('CONFLICT')
      expect((await read('a.md')).text).toBe('theirs\n')
      const forced = await h.api.writeArticle({ path: 'a.md', text: 'mine\n', format: lf, baseVersion: doc.version, force: true })
      expect(forced.ok).toBe(true)
    })

    it('opens a read-only file read-only (canMakeWritable); saves it only when the writer agreed', async () => {
      h.setReadOnly('a.md')
      const doc = await read('a.md')
      expect(doc).toMatchObject({ isReadOnly: true, canMakeWritable: true })
      expect(doc.readOnlyReason).toBeTruthy()
      const refused = await h.api.writeArticle({ path: 'a.md', text: 'new\n', format: lf, baseVersion: doc.version })
      expect(refused.ok || refused.error.code).toBe('READ_ONLY')
      const agreed = await h.api.writeArticle({ path: 'a.md', text: 'new\n', format: lf, baseVersion: doc.version, makeWritable: true })
      expect(agreed.ok && agreed.value.written).toBe(true)
      expect(await read('a.md')).toMatchObject({ text: 'new\n', isReadOnly: false })
    })
  })
}

testArticleApi('FolderSession (the real host)', async () => {
  const dir = makeTempDir('folio-api-')
  const opened = await FolderSession.open(dir, { retryDelayMs: 1 })
  if (!opened.ok) throw new Error(opened.error.message)
  const file = (rel: string): string => path.join(dir, ...rel.split('/'))
  return {
    api: opened.value,
    putOutside: (rel, text) => fs.writeFileSync(file(rel), text),
    setReadOnly: (rel) => fs.chmodSync(file(rel), 0o444),
    dispose: async () => {
      await opened.value.dispose()
      removeTempDir(dir)
    },
  }
})

testArticleApi('FakeApi (the renderer tests)', () => {
  const api = new FakeApi()
  return Promise.resolve({
    api,
    putOutside: (rel, text) => api.files.set(rel, text),
    setReadOnly: (rel) => api.readOnlyByMode.add(rel),
    dispose: () => Promise.resolve(),
  })
})
