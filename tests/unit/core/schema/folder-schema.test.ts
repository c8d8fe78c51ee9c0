import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unlink, utimes } from 'node:fs/promises'
import { buildFolderSchema, FolderSchemaCache } from '../../../../src/core/schema'
import { createRequestHandlers } from '../../../../src/core/request-handlers'
import { FolderSession } from '../../../../src/core/folder-session'

const dirs: string[] = []

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-schema-'))
  dirs.push(dir)
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await writeFile(path.join(dir, rel), text)
  }
  return dir
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const a = '---\ntitle: A\ndate: "2025-02-11 17:15:27"\nsidebar: right\ntags: [go, hugo]\n---\nBody\n'
const b = '+++\ntitle = "B"\ndate = 2025-03-01T10:00:00Z\nsidebar = "left"\ntags = ["hugo"]\n+++\n'
const c = '{ "title": "C", "sidebar": "right", "draft": true }\n'

describe('buildFolderSchema', () => {
  it('counts keys, kinds, values and date layouts over YAML, TOML and JSON articles', async () => {
    const dir = await folder({ 'content/a.md': a, 'content/b.md': b, 'content/c.md': c, 'content/none.md': 'No front matter\n' })
    const result = await buildFolderSchema(dir)
    if (!result.ok) throw new Error(result.error.message)
    const schema = result.value
    expect(schema.articleCount).toBe(4)
    const field = (key: string) => schema.fields.find((f) => f.key === key)
    expect(field('title')?.count).toBe(3)
    expect(field('sidebar')?.values).toEqual([{ value: 'right', count: 2 }, { value: 'left', count: 1 }])
    expect(field('tags')?.values).toEqual([{ value: 'hugo', count: 2 }, { value: 'go', count: 1 }])
    expect(field('tags')?.kinds).toEqual({ list: 2 })
    expect(field('date')?.dateLayouts.sort()).toEqual(['2006-01-02 15:04:05', '2006-01-02T15:04:05Z07:00'])
    expect(field('draft')?.kinds).toEqual({ boolean: 1 })
    expect(schema.sources).toEqual([])
    expect(schema.siteTimeZone).toBeNull()
  })

  it('overlays frontmatter.json and .folio/schema.json (Folio beats Front Matter CMS) and reads the site time zone', async () => {
    const cms = {
      'frontMatter.taxonomy.contentTypes': [
        { name: 'default', fields: [
          { title: 'Sidebar', name: 'sidebar', type: 'choice', choices: ['left', 'right', 'none'], required: true },
          { title: 'Rating', name: 'rating', type: 'number' },
          { title: 'Widgets', name: 'widgets', type: 'choice', multiple: true, choices: [{ id: 'search', title: 'Search' }] },
        ] },
      ],
    }
    const folio = { fields: { rating: { type: 'select', choices: ['1', '2', '3'], description: 'Stars' } } }
    const dir = await folder({ 'content/a.md': a, 'frontmatter.json': JSON.stringify(cms), '.folio/schema.json': JSON.stringify(folio), 'hugo.toml': 'title = "x"\ntimeZone = "Europe/Oslo"\n' })
    const result = await buildFolderSchema(dir)
    if (!result.ok) throw new Error(result.error.message)
    const field = (key: string) => result.value.fields.find((f) => f.key === key)
    expect(field('sidebar')?.explicit).toEqual({ widget: 'select', choices: ['left', 'right', 'none'], isRequired: true, description: 'Sidebar', source: 'frontmatter.json' })
    expect(field('sidebar')?.count).toBe(1)
    expect(field('rating')).toMatchObject({ count: 0, explicit: { widget: 'select', choices: ['1', '2', '3'], source: '.folio/schema.json' } })
    expect(field('widgets')?.explicit).toMatchObject({ widget: 'multi-select', choices: ['search'] })
    expect(result.value.sources).toEqual(['frontmatter.json', '.folio/schema.json'])
    expect(result.value.siteTimeZone).toBe('Europe/Oslo')
  })

  it('reports a broken schema file and still infers', async () => {
    const dir = await folder({ 'a.md': a, '.folio/schema.json': '{ "fields": { "x": { "type": "colour" } } }', 'frontmatter.json': '{ nope' })
    const result = await buildFolderSchema(dir)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.problems.map((p) => p.file)).toEqual(['frontmatter.json', '.folio/schema.json'])
    expect(result.value.problems[1]?.message).toMatch(/unknown type "colour"/)
    expect(result.value.fields.some((f) => f.key === 'title')).toBe(true)
  })

  it('fails when the folder cannot be listed', async () => {
    const result = await buildFolderSchema(path.join(os.tmpdir(), 'folio-no-such-folder-' + Date.now()))
    expect(result.ok).toBe(false)
  })
})

describe('FolderSchemaCache', () => {
  it('re-reads only changed files and forgets deleted ones', async () => {
    const dir = await folder({ 'a.md': a, 'c.md': c })
    const cache = new FolderSchemaCache()
    const first = await cache.build(dir)
    expect(first.ok && first.value.fields.find((f) => f.key === 'sidebar')?.values).toEqual([{ value: 'right', count: 2 }])
    await writeFile(path.join(dir, 'a.md'), a.replace('sidebar: right', 'sidebar: left'))
    await utimes(path.join(dir, 'a.md'), new Date(), new Date(Date.now() + 5000))
    await unlink(path.join(dir, 'c.md'))
    const second = await cache.build(dir)
    expect(second.ok && second.value.articleCount).toBe(1)
    expect(second.ok && second.value.fields.find((f) => f.key === 'sidebar')?.values).toEqual([{ value: 'left', count: 1 }])
  })

  it('answers a rebuild from what it kept exactly as a fresh build (numbers JSON cannot hold, a __proto__ key, keys named like its own fields)', async () => {
    const long = 'Long words '.repeat(12)
    const kept =
      `---\nsummary: "${long}"\nlead: |\n  two\n  lines\nnewline: "\\n"\nparams:\n  deep: {a: [1, 2]}\n  text: "${long}"\n` +
      `authors:\n  - {name: A, bio: "${long}"}\n  - B\n  - "${long}"\n  - [x, y]\nwhen: "2024-01-02"\nwhen2: "   2024-01-02 10:00:00   "\n---\n`
    const dir = await folder({ 'a.md': a, 'c.md': c, 'inf.md': '---\nweight: .inf\nratio: .nan\nnested: {deep: [1, "two", true, null]}\n---\n', 'kept.md': kept, 'kept2.md': kept.replace('B', 'C'), 'proto.md': '---\n__proto__: x\ntitle: p\n---\n', 'named.md': '---\nshape: 1\nvalues: "x"\nweight: .inf\n---\n', 'shape2.md': '---\nshape: 2\nvalues: "y"\n---\n' })
    const cache = new FolderSchemaCache()
    const fresh = await buildFolderSchema(dir)
    await cache.build(dir)
    expect(await cache.build(dir)).toEqual(fresh)
  })
})

describe('getFolderSchema handler', () => {
  it('validates arguments and needs an open folder', async () => {
    const dir = await folder({ 'a.md': a })
    const opened = await FolderSession.open(dir)
    if (!opened.ok) throw new Error(opened.error.message)
    const withFolder = createRequestHandlers({ session: () => opened.value, pickFolder: () => Promise.resolve({ ok: true, value: null }) })
    const none = createRequestHandlers({ session: () => null, pickFolder: () => Promise.resolve({ ok: true, value: null }) })
    expect((await withFolder.getFolderSchema('extra')).ok).toBe(false)
    expect((await none.getFolderSchema()).ok).toBe(false)
    const result = await withFolder.getFolderSchema()
    expect(result.ok && result.value.fields.map((f) => f.key)).toContain('sidebar')
    await opened.value.dispose()
  })
})
