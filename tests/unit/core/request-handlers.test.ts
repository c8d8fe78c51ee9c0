import fs from 'node:fs'
import path from 'node:path'
import { FolderSession } from '../../../src/core/folder-session'
import { createRequestHandlers } from '../../../src/core/request-handlers'
import { fail } from '@shared/result'
import { makeTempDir, removeTempDir } from './corpus'

let dir = ''
let session: FolderSession | null = null
const handlers = createRequestHandlers({ session: () => session, pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'no picker')) })
const version = { hash: 'a'.repeat(64), size: 1, mtimeMs: 1 }
const request = { path: 'a.md', text: 'x\n', format: { hasBom: false, eol: 'lf' }, baseVersion: version }

beforeEach(async () => {
  dir = makeTempDir()
  fs.writeFileSync(path.join(dir, 'a.md'), 'hello\n')
  const opened = await FolderSession.open(dir)
  session = opened.ok ? opened.value : null
})
afterEach(() => removeTempDir(dir))

describe('createRequestHandlers', () => {
  it('serves the folder, the list and an article', async () => {
    expect(await handlers.getFolder()).toEqual({ ok: true, value: { root: dir, name: path.basename(dir) } })
    expect(await handlers.listArticles()).toMatchObject({ ok: true, value: [{ path: 'a.md' }] })
    expect(await handlers.readArticle('a.md')).toMatchObject({ ok: true, value: { text: 'hello\n' } })
    expect(await handlers.openFolder()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })

  it('reports no folder as NOT_FOUND and getFolder as null', async () => {
    session = null
    expect(await handlers.getFolder()).toEqual({ ok: true, value: null })
    expect(await handlers.listArticles()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it.each([
    ['readArticle', []],
    ['readArticle', [42]],
    ['readArticle', [{ path: 'a.md' }]],
    ['readArticle', ['a.md', 'extra']],
    ['getFolder', ['x']],
    ['writeArticle', []],
    ['writeArticle', [null]],
    ['writeArticle', ['a.md']],
    ['writeArticle', [{ ...request, path: 1 }]],
    ['writeArticle', [{ ...request, text: null }]],
    ['writeArticle', [{ ...request, format: { hasBom: 'no', eol: 'lf' } }]],
    ['writeArticle', [{ ...request, format: { hasBom: false, eol: 'unix' } }]],
    ['writeArticle', [{ ...request, baseVersion: { ...version, hash: 'zz' } }]],
    ['writeArticle', [{ ...request, baseVersion: { ...version, size: -1 } }]],
    ['writeArticle', [{ ...request, baseVersion: undefined }]],
    ['writeArticle', [{ ...request, force: 'yes' }]],
  ] as const)('%s refuses arguments %j with INVALID_ARGUMENT', async (method, args) => {
    const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>
    expect(await handler(...args)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('refuses escaping paths with INVALID_PATH', async () => {
    expect(await handlers.readArticle('../etc/passwd.md')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await handlers.writeArticle({ ...request, path: '/tmp/x.md' })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })

  it('writes a validated request (CONFLICT on a stale version)', async () => {
    expect(await handlers.writeArticle(request)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const doc = await handlers.readArticle('a.md')
    if (!doc.ok) throw new Error('read failed')
    expect(await handlers.writeArticle({ ...request, baseVersion: doc.value.version })).toMatchObject({ ok: true, value: { written: true } })
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('x\n')
  })
})
