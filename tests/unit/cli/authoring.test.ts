import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { folio, folioTrashingTo, makeFolder, snapshot } from './cli-harness'
import { folderTrasher } from '../../support/folder-trasher'
import { useFileEnv } from '../../support/file-env'

// NOTE: Folio's own renderer here (hugo runs are slow); the archetype tests compare it with Hugo.
useFileEnv({ FOLIO_HUGO: 'off' })

const site = (): string =>
  makeFolder({
    'hugo.toml': 'title = "T"\n',
    'archetypes/default.md': '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n\n',
    'content/posts/old-post.md': '---\ntitle: Old\ntags: [Hugo, go]\n---\nBody\n',
    'content/posts/other.md': '---\r\ntitle: Other\r\ntags:\r\n  - hugo # lower\r\n  - web\r\n---\r\nSee {{< ref "old-post" >}} and [it](old-post.md#top).\r\n',
    'content/about.md': '---\ntitle: About\ncategories: [Go]\n---\nRead {{< relref "/posts/old-post.md" >}}.\n',
  })

const folders: string[] = []
afterAll(() => {
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true })
})
const fresh = (): string => {
  const dir = site()
  folders.push(dir)
  return dir
}

describe('folio new', () => {
  it('creates an article from the archetype, prints its path, and refuses to overwrite it', async () => {
    const dir = fresh()
    const run = await folio(dir, 'new', '.', 'posts/my-new-post.md', '--title', 'My New Post!')
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('content/posts/my-new-post.md\n')
    const text = fs.readFileSync(path.join(dir, 'content/posts/my-new-post.md'), 'utf8')
    expect(text).toMatch(/^---\ntitle: "My New Post!"\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)\ndraft: true\n---\n\n$/)
    const before = snapshot(path.join(dir, 'content/posts/my-new-post.md'))
    const again = await folio(dir, 'new', '.', 'posts/my-new-post.md')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')
    expect(snapshot(path.join(dir, 'content/posts/my-new-post.md'))).toEqual(before)
  })

  it('makes a bundle for section/name/', async () => {
    const dir = fresh()
    const run = await folio(dir, 'new', dir, 'posts/a-bundle/')
    expect(run.stdout).toBe('content/posts/a-bundle/index.md\n')
    expect(fs.readFileSync(path.join(dir, 'content/posts/a-bundle/index.md'), 'utf8')).toContain('title: "A Bundle"')
  })

  it.each([
    ['posts/a/b/../../x.md', '".."'],
    ['posts/CON.md', 'reserved'],
    ['posts/nul.md', 'reserved'],
    [`posts/${'é'.repeat(101)}.md`, '200 bytes'],
    ['posts/what?.md', 'Windows'],
    ['posts/notes.txt', 'must end in .md'],
  ])('refuses %s with a clear message and writes nothing', async (target, message) => {
    const dir = fresh()
    const run = await folio(dir, 'new', '.', target)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(fs.readdirSync(path.join(dir, 'content/posts')).sort()).toEqual(['old-post.md', 'other.md'])
  })
})

describe('folio mv', () => {
  it('--dry-run prints every change and writes nothing; the real run makes exactly those changes', async () => {
    const dir = fresh()
    const other = path.join(dir, 'content/posts/other.md')
    const before = snapshot(other)
    const dry = await folio(dir, 'mv', dir, 'content/posts/old-post.md', 'content/notes/new-name.md', '--dry-run', '--alias')
    expect(dry.code).toBe(0)
    // NOTE: Hugo found "old-post" relative to other.md first, so the ref stays relative.
    expect(dry.stdout).toContain('+See {{< ref "../notes/new-name" >}} and [it](../notes/new-name.md#top).')
    expect(dry.stdout).toContain('+Read {{< relref "/notes/new-name.md" >}}.')
    expect(dry.stdout).toContain('+aliases:\n+  - /posts/old-post/')
    expect(snapshot(other)).toEqual(before)
    expect(fs.existsSync(path.join(dir, 'content/posts/old-post.md'))).toBe(true)
    const run = await folio(dir, 'mv', dir, 'content/posts/old-post.md', 'content/notes/new-name.md', '--alias')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('3 link(s) rewritten in 2 other file(s); /posts/old-post/ added to aliases')
    // NOTE: other.md keeps its CRLF line breaks; only the link text changed.
    expect(fs.readFileSync(other, 'utf8')).toBe('---\r\ntitle: Other\r\ntags:\r\n  - hugo # lower\r\n  - web\r\n---\r\nSee {{< ref "../notes/new-name" >}} and [it](../notes/new-name.md#top).\r\n')
    expect(fs.readFileSync(path.join(dir, 'content/notes/new-name.md'), 'utf8')).toBe('---\ntitle: Old\ntags: [Hugo, go]\naliases:\n  - /posts/old-post/\n---\nBody\n')
    expect(fs.existsSync(path.join(dir, 'content/posts/old-post.md'))).toBe(false)
  })

  it('refuses an existing target, a target outside the folder and bad names, writing nothing', async () => {
    const dir = fresh()
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'))
    folders.push(outside)
    const cases: [string, string, number][] = [
      ['content/posts/other.md', 'already exists', 1],
      [path.join(outside, 'x.md'), 'outside the folder', 2],
      ['../x.md', '".."', 2],
      ['content/posts/aux.md', 'reserved', 2],
      ['content/posts/a:b.md', 'colon', 2],
    ]
    const snapshots = ['content/posts/old-post.md', 'content/posts/other.md', 'content/about.md'].map((f) => snapshot(path.join(dir, f)))
    for (const [to, message, code] of cases) {
      const run = await folio(dir, 'mv', '.', 'content/posts/old-post.md', to)
      expect([run.code, run.stderr]).toEqual([code, expect.stringContaining(message) as unknown])
    }
    expect(['content/posts/old-post.md', 'content/posts/other.md', 'content/about.md'].map((f) => snapshot(path.join(dir, f)))).toEqual(snapshots)
    expect(fs.readdirSync(outside)).toEqual([])
  })
})

describe('folio rm', () => {
  it('lists the links that break, then moves the article to the trash (an injected trasher, never the real one)', async () => {
    const dir = fresh()
    const trashDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-trash-'))
    folders.push(trashDir)
    const trasher = folderTrasher(trashDir)
    fs.writeFileSync(path.join(dir, 'content/posts/gone.md'), '---\ntitle: Gone\n---\n')
    fs.appendFileSync(path.join(dir, 'content/about.md'), '\nSee {{< ref "gone" >}}\n')
    const run = await folioTrashingTo(trasher, dir, 'rm', dir, 'content/posts/gone.md')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('content/about.md:7: broken link: gone\n')
    expect(run.stderr).toBe('moved content/posts/gone.md to the trash (1 file(s)); 1 link(s) to it now broken\n')
    expect(fs.existsSync(path.join(dir, 'content/posts/gone.md'))).toBe(false)
    expect(trasher.trashed).toEqual([path.join(fs.realpathSync(dir), 'content/posts/gone.md')])
    expect(fs.readFileSync(path.join(trashDir, '0-gone.md'), 'utf8')).toBe('---\ntitle: Gone\n---\n')
  })

  it('sends a bundle to the trash whole, and refuses a missing article (exit 1) without trashing anything', async () => {
    const dir = fresh()
    const trasher = folderTrasher(path.join(dir, '..', `${path.basename(dir)}-trash`))
    folders.push(path.join(dir, '..', `${path.basename(dir)}-trash`))
    fs.mkdirSync(path.join(dir, 'content/posts/trip'))
    fs.writeFileSync(path.join(dir, 'content/posts/trip/index.md'), '---\ntitle: Trip\n---\n')
    fs.writeFileSync(path.join(dir, 'content/posts/trip/a.png'), 'png')
    const missing = await folioTrashingTo(trasher, dir, 'rm', dir, 'content/posts/nothing.md')
    expect(missing.code).toBe(1)
    expect(trasher.trashed).toEqual([])
    const run = await folioTrashingTo(trasher, dir, 'rm', dir, path.join(dir, 'content/posts/trip/index.md'))
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('moved content/posts/trip to the trash (2 file(s))')
    expect(fs.existsSync(path.join(dir, 'content/posts/trip'))).toBe(false)
  })
})

describe('folio terms and retag', () => {
  it('counts terms grouped as Hugo groups them, and renames them losslessly', async () => {
    const dir = fresh()
    const terms = await folio(dir, 'terms', dir, 'tags')
    expect(terms.stdout).toBe('2\tHugo\n1\tgo\n1\tweb\n')
    const dry = await folio(dir, 'retag', dir, 'tags', 'HUGO', 'Static Sites', '--dry-run')
    expect(dry.stdout).toContain('-tags: [Hugo, go]\n+tags: [Static Sites, go]')
    expect(dry.stdout).toContain('-  - hugo # lower\n+  - Static Sites # lower')
    const run = await folio(dir, 'retag', dir, 'tags', 'hugo', 'Static Sites')
    expect(run.stdout).toBe('content/posts/old-post.md\ncontent/posts/other.md\n')
    expect(fs.readFileSync(path.join(dir, 'content/posts/old-post.md'), 'utf8')).toBe('---\ntitle: Old\ntags: [Static Sites, go]\n---\nBody\n')
  })
})
