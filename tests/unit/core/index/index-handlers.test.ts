import fs from 'node:fs'
import path from 'node:path'
import { fail } from '@shared/result'
import { FolderSession } from '../../../../src/core/folder-session'
import { createRequestHandlers } from '../../../../src/core/request-handlers'
import { makeTempDir, removeTempDir } from '../corpus'

let dir = ''
let session: FolderSession | null = null
const handlers = createRequestHandlers({ session: () => session, pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'no picker')) })

beforeEach(async () => {
  dir = makeTempDir()
  fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: "Harbour"\ntags: [sea]\n---\nThe ferry left.\n')
  fs.writeFileSync(path.join(dir, 'b.md'), '---\ntitle: "Hills"\n---\nNo boats here.\n')
  const opened = await FolderSession.open(dir, { index: { mode: 'local' } })
  session = opened.ok ? opened.value : null
})
afterEach(async () => {
  await session?.dispose()
  removeTempDir(dir)
})

describe('index request handlers', () => {
  it('answers the index snapshot and searches', async () => {
    await session?.whenIndexed()
    const snapshot = await handlers.getArticleIndex()
    expect(snapshot).toMatchObject({ ok: true, value: { done: 2, total: 2, isComplete: true, articles: [{ path: 'a.md', title: 'Harbour', tags: ['sea'] }, { path: 'b.md' }] } })
    expect(snapshot).toMatchObject({ value: { nextAfter: null } })
    // NOTE: pages by path: the first `limit` after `after`, and where the next one starts.
    expect(await handlers.getArticleIndex({ after: null, limit: 1 })).toMatchObject({ ok: true, value: { done: 2, total: 2, articles: [{ path: 'a.md' }], nextAfter: 'a.md' } })
    expect(await handlers.getArticleIndex({ after: 'a.md', limit: 1 })).toMatchObject({ ok: true, value: { articles: [{ path: 'b.md' }], nextAfter: null } })
    expect(await handlers.getArticleIndex({ after: 'a', limit: 5 })).toMatchObject({ ok: true, value: { articles: [{ path: 'a.md' }, { path: 'b.md' }], nextAfter: null } })
    expect(await handlers.getArticleIndex({ after: 'b.md', limit: 5 })).toMatchObject({ ok: true, value: { articles: [], nextAfter: null } })
    const found = await handlers.searchArticles('ferry', 10)
    expect(found).toMatchObject({ ok: true, value: { total: 1, hits: [{ path: 'a.md', title: 'Harbour' }] } })
    expect(await handlers.searchArticles('boats')).toMatchObject({ ok: true, value: { hits: [{ path: 'b.md' }] } })
  })

  it('refuses malformed search arguments and answers NOT_FOUND without a folder', async () => {
    for (const args of [[], [42], ['x'.repeat(1001)], ['x', 0], ['x', 1.5], ['x', 'ten'], ['x', 10, 'extra']]) {
      expect(await handlers.searchArticles(...args)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    for (const args of [['extra'], [null], [{ after: null }], [{ after: 3, limit: 10 }], [{ after: null, limit: 0 }], [{ after: null, limit: 2.5 }], [{ after: null, limit: 1e9 }], [{ after: 'x'.repeat(5000), limit: 1 }], [{ after: null, limit: 1 }, 'extra']]) {
      expect(await handlers.getArticleIndex(...args)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    const open = session
    session = null
    expect(await handlers.getArticleIndex()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await handlers.searchArticles('x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    session = open
  })
})
