import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { createAuthoringHandlers } from '../../../../src/core/authoring/authoring-handlers'
import { folderTrasher } from '../../../support/folder-trasher'
import { makeTempDir, removeTempDir } from '../corpus'
import { useFileEnv } from '../../../support/file-env'

// NOTE: Folio's own archetype renderer (a hugo run per test is slow); archetypes.test.ts compares it with Hugo.
useFileEnv({ FOLIO_HUGO: 'off' })

const files: Record<string, string> = {
  'hugo.toml': 'title = "T"\n',
  'archetypes/default.md': '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndraft: true\n---\n\n',
  'content/posts/old.md': '---\ntitle: Old\ntags: [Hugo, go]\n---\nBody\n',
  'content/posts/other.md': '---\ntitle: Other\ntags:\n  - hugo # lower\n---\nSee {{< ref "old" >}}.\n',
  'content/posts/trip/index.md': '---\ntitle: Trip\n---\n![](a.png)\n',
  'content/posts/trip/a.png': 'png-bytes',
  'content/posts/trip/unused.jpg': 'jpg-bytes',
}

let dir = ''
let session: FolderSession | null = null
let trasher = folderTrasher('')
let events: FolderEvent[] = []
let handlers = createAuthoringHandlers({ session: () => session })

const read = (rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8')
const exists = (rel: string): boolean => fs.existsSync(path.join(dir, rel))
const indexed = (): string[] => {
  const snapshot = session?.articleIndex()
  return snapshot?.ok ? snapshot.value.articles.map((a) => a.path).sort() : []
}

beforeEach(async () => {
  dir = makeTempDir('folio-authoring-')
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'site', rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, 'site', rel), text)
  }
  trasher = folderTrasher(path.join(dir, 'trash'))
  dir = path.join(dir, 'site')
  // NOTE: the watcher is never started here, so whatever the index shows after a handler came from the handler.
  const opened = await FolderSession.open(dir, { trasher, index: { shards: 1, mode: 'local' } })
  if (!opened.ok) throw new Error(opened.error.message)
  session = opened.value
  events = []
  session.onEvent((e) => events.push(e))
  await session.whenIndexed()
  handlers = createAuthoringHandlers({ session: () => session, trasher })
})

afterEach(async () => {
  await session?.dispose()
  removeTempDir(path.dirname(dir))
})

const call = (method: keyof typeof handlers, ...args: unknown[]): Promise<unknown> => (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args)

describe('authoring handlers: arguments', () => {
  const move = { from: 'content/posts/old.md', to: 'content/posts/new.md', addAlias: false }
  const image = { articlePath: 'content/posts/trip/index.md', fileName: null, mimeType: 'image/png', base64: 'aGk=', target: 'bundle' }
  it.each([
    ['getAuthoringInfo', ['extra']],
    ['createArticle', []],
    ['createArticle', ['content/posts/x.md']],
    // NOTE: a request spread into characters (the bug the e2e once caught) is refused by its count.
    ['createArticle', [...'content/x.md']],
    ['createArticle', [{ path: 'content/x.md', title: 7 }]],
    ['createArticle', [{ path: '', title: '' }]],
    ['createArticle', [{ path: 'content/x.md', title: '', kind: 'k'.repeat(201) }]],
    ['createArticle', [{ path: 'content/x.md', title: 'x'.repeat(1001) }]],
    ['planMove', [move, 'extra']],
    ['planMove', ['content/posts/old.md']],
    ['planMove', [{ ...move, addAlias: 'yes' }]],
    ['planMove', [{ ...move, to: 42 }]],
    ['planMove', [{ ...move, digest: 'd'.repeat(101) }]],
    ['applyMove', [move]],
    ['planDelete', [42]],
    ['planDelete', ['']],
    ['trashArticle', [{ path: 'content/posts/old.md' }]],
    ['trashArticle', ['a.md', 'b.md']],
    ['duplicateArticle', [null]],
    ['listBundleFiles', []],
    ['saveImage', [{ ...image, target: 'elsewhere' }]],
    ['saveImage', [{ ...image, fileName: 3 }]],
    ['saveImage', [{ ...image, base64: 'A'.repeat(14 * 1024 * 1024 + 1) }]],
    ['saveImage', [{ ...image, mimeType: '' }]],
    ['listTerms', [42]],
    ['listTerms', ['t'.repeat(201)]],
    ['planRetag', [{ taxonomy: 'tags', from: 'hugo' }]],
    ['planRetag', [{ taxonomy: 'tags', from: 'hugo', to: 'x'.repeat(201) }]],
    ['applyRetag', [{ taxonomy: 'tags', from: 'hugo', to: 'Hugo' }]],
    ['trashBundleFile', [7]],
  ] as const)('%s refuses bad arguments (case %#) with INVALID_ARGUMENT and writes nothing', async (method, args) => {
    const before = fs.readdirSync(dir, { recursive: true }).sort()
    expect(await call(method, ...args)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(before)
  })

  it('answers NOT_FOUND when no folder is open', async () => {
    session = null
    expect(await handlers.getAuthoringInfo()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await handlers.listTerms('tags')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('authoring handlers: refusals', () => {
  it.each([
    ['../outside.md', 'INVALID_PATH'],
    ['content/posts/CON.md', 'INVALID_PATH'],
    ['/etc/x.md', 'INVALID_PATH'],
    ['content/posts/old.md', 'CONFLICT'],
  ])('createArticle refuses %s with %s and changes nothing', async (target, code) => {
    const before = read('content/posts/old.md')
    expect(await handlers.createArticle({ path: target, title: 'X' })).toMatchObject({ ok: false, error: { code } })
    expect(read('content/posts/old.md')).toBe(before)
    expect(exists('../outside.md')).toBe(false)
  })

  it('applyMove with a stale digest moves nothing (CONFLICT)', async () => {
    const request = { from: 'content/posts/old.md', to: 'content/posts/new.md', addAlias: false }
    expect(await handlers.applyMove({ ...request, digest: 'stale' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(exists('content/posts/old.md')).toBe(true)
    expect(exists('content/posts/new.md')).toBe(false)
  })

  it('refuses to move onto an existing article and to trash a missing one', async () => {
    expect(await handlers.planMove({ from: 'content/posts/old.md', to: 'content/posts/other.md', addAlias: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await handlers.trashArticle('content/posts/missing.md')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(trasher.trashed).toEqual([])
  })

  it('trashBundleFile refuses articles, files outside a bundle and escapes', async () => {
    for (const p of ['content/posts/trip/index.md', 'content/posts/old.md', 'hugo.toml', '../x.png', 'content/posts/trip/../../posts/old.md']) {
      expect(await handlers.trashBundleFile(p)).toMatchObject({ ok: false })
    }
    expect(trasher.trashed).toEqual([])
  })
})

describe('authoring handlers: happy paths (the index follows at once)', () => {
  it('getAuthoringInfo lists sections and taxonomies', async () => {
    expect(await handlers.getAuthoringInfo()).toMatchObject({ ok: true, value: { layout: 'hugo', contentDir: 'content', sections: ['content/posts', 'content'], taxonomies: ['tags', 'categories'] } })
  })

  it('createArticle writes the archetype and the index lists it before any watcher event', async () => {
    const created = await handlers.createArticle({ path: 'content/posts/my-post.md', title: '' })
    expect(created).toMatchObject({ ok: true, value: { path: 'content/posts/my-post.md', renderer: 'folio' } })
    expect(read('content/posts/my-post.md')).toBe('---\ntitle: "My Post"\ndraft: true\n---\n\n')
    expect(indexed()).toContain('content/posts/my-post.md')
  })

  it('applyMove moves, rewrites the inbound ref, and the index and events follow', async () => {
    const request = { from: 'content/posts/old.md', to: 'content/notes/renamed.md', addAlias: true }
    const plan = await handlers.planMove(request)
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.value.files.map((f) => f.path)).toEqual(['content/posts/old.md', 'content/posts/other.md'])
    expect(await handlers.applyMove({ ...request, digest: plan.value.digest })).toMatchObject({ ok: true })
    expect(read('content/posts/other.md')).toContain('{{< ref "../notes/renamed" >}}')
    expect(read('content/notes/renamed.md')).toContain('aliases:\n  - /posts/old/')
    expect(indexed()).toContain('content/notes/renamed.md')
    expect(indexed()).not.toContain('content/posts/old.md')
    expect(events).toContainEqual({ kind: 'article-renamed', from: 'content/posts/old.md', to: 'content/notes/renamed.md' })
  })

  it('a bundle moves whole and every article under it follows in the index', async () => {
    const request = { from: 'content/posts/trip/index.md', to: 'content/travel/trip/index.md', addAlias: false }
    const plan = await handlers.planMove(request)
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.value.carried.sort()).toEqual(['content/posts/trip/a.png', 'content/posts/trip/unused.jpg'])
    expect(await handlers.applyMove({ ...request, digest: plan.value.digest })).toMatchObject({ ok: true })
    expect(read('content/travel/trip/a.png')).toBe('png-bytes')
    expect(indexed()).toContain('content/travel/trip/index.md')
    expect(indexed()).not.toContain('content/posts/trip/index.md')
  })

  it('duplicateArticle copies a leaf under a free name, and a bundle with its files; both indexed at once', async () => {
    expect(await handlers.duplicateArticle('content/posts/old.md')).toEqual({ ok: true, value: 'content/posts/old-copy.md' })
    expect(await handlers.duplicateArticle('content/posts/old.md')).toEqual({ ok: true, value: 'content/posts/old-copy-2.md' })
    expect(read('content/posts/old-copy-2.md')).toBe(files['content/posts/old.md'])
    expect(await handlers.duplicateArticle('content/posts/trip/index.md')).toEqual({ ok: true, value: 'content/posts/trip-copy/index.md' })
    expect(read('content/posts/trip-copy/a.png')).toBe('png-bytes')
    expect(indexed()).toEqual(expect.arrayContaining(['content/posts/old-copy.md', 'content/posts/old-copy-2.md', 'content/posts/trip-copy/index.md']))
    expect(read('content/posts/old.md')).toBe(files['content/posts/old.md'])
  })

  it('planDelete lists inbound links; trashArticle uses the injected trasher and the index drops the article', async () => {
    expect(await handlers.planDelete('content/posts/old.md')).toMatchObject({ ok: true, value: { files: ['content/posts/old.md'], inbound: [{ path: 'content/posts/other.md', line: 6 }] } })
    expect(await handlers.trashArticle('content/posts/old.md')).toEqual({ ok: true, value: { trashed: 'content/posts/old.md' } })
    expect(trasher.trashed).toEqual([path.join(dir, 'content/posts/old.md')])
    expect(exists('content/posts/old.md')).toBe(false)
    expect(indexed()).not.toContain('content/posts/old.md')
    expect(events).toContainEqual({ kind: 'article-removed', path: 'content/posts/old.md' })
  })

  it('trashing a bundle sends its folder and drops its articles from the index', async () => {
    expect(await handlers.trashArticle('content/posts/trip/index.md')).toEqual({ ok: true, value: { trashed: 'content/posts/trip' } })
    expect(exists('content/posts/trip')).toBe(false)
    expect(indexed()).not.toContain('content/posts/trip/index.md')
  })

  it('lists bundle files with sizes, saves an image without overwriting, and trashes a bundle file', async () => {
    expect(await handlers.listBundleFiles('content/posts/trip/index.md')).toEqual({
      ok: true,
      value: [
        { path: 'content/posts/trip/a.png', name: 'a.png', size: 9 },
        { path: 'content/posts/trip/unused.jpg', name: 'unused.jpg', size: 9 },
      ],
    })
    const image = { articlePath: 'content/posts/trip/index.md', fileName: 'a.png', mimeType: 'image/png', base64: Buffer.from('new').toString('base64'), target: 'bundle' as const }
    expect(await handlers.saveImage(image)).toEqual({ ok: true, value: { path: 'content/posts/trip/a-2.png', link: 'a-2.png' } })
    expect(read('content/posts/trip/a.png')).toBe('png-bytes')
    expect(await handlers.trashBundleFile('content/posts/trip/unused.jpg')).toEqual({ ok: true, value: { trashed: 'content/posts/trip/unused.jpg' } })
    expect(exists('content/posts/trip/unused.jpg')).toBe(false)
    expect(trasher.trashed).toEqual([path.join(dir, 'content/posts/trip/unused.jpg')])
  })

  it('lists terms grouped by Hugo, plans and applies a retag losslessly', async () => {
    expect(await handlers.listTerms('tags')).toMatchObject({ ok: true, value: [{ key: 'hugo', articles: ['content/posts/old.md', 'content/posts/other.md'] }, { key: 'go' }] })
    const plan = await handlers.planRetag({ taxonomy: 'tags', from: 'HUGO', to: 'Hugo' })
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.value.files.map((f) => f.path)).toEqual(['content/posts/other.md'])
    expect(await handlers.applyRetag({ taxonomy: 'tags', from: 'HUGO', to: 'Hugo', digest: plan.value.digest })).toMatchObject({ ok: true })
    expect(read('content/posts/other.md')).toBe('---\ntitle: Other\ntags:\n  - Hugo # lower\n---\nSee {{< ref "old" >}}.\n')
    expect(await handlers.applyRetag({ taxonomy: 'tags', from: 'go', to: 'Go', digest: 'stale' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(read('content/posts/old.md')).toBe(files['content/posts/old.md'])
  })
})
