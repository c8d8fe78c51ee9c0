import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FolderSession } from '../../../../src/core/folder-session'
import { createAuthoringHandlers } from '../../../../src/core/authoring/authoring-handlers'
import { proposedArticlePath } from '@shared/authoring/article-name'
import { makeTempDir, removeTempDir } from '../corpus'
import { useFileEnv } from '../../../support/file-env'

// NOTE: no Hugo for Jekyll or Astro; set so a Hugo on PATH is never even asked.
useFileEnv({ FOLIO_HUGO: 'off' })

const jekyll: Record<string, string> = {
  '_config.yml': 'title: Blog\n',
  '_posts/2024-03-01-first.md': '---\nlayout: post\ntitle: First\ndate: 2024-03-01 10:00:00 +0100\ncategories: [notes]\n---\nOne.\n',
  '_posts/2024-04-02-second.md': '---\nlayout: post\ntitle: "Second"\ndate: 2024-04-02 09:30:00 +0100\ncategories: [notes, web]\n---\nTwo.\n',
  '_posts/2024-05-03-third.md': '---\nlayout: post\ntitle: Third\ndate: 2024-05-03 08:00:00 +0100\n---\nThree.\n',
  'about.md': '---\nlayout: page\ntitle: About\n---\n',
}

const astro: Record<string, string> = {
  'package.json': '{ "name": "site" }\n',
  'src/content/blog/one.md': '---\ntitle: One\npubDate: 2024-01-02\ndescription: First post\ntags: [astro]\n---\nOne.\n',
  'src/content/blog/two.md': '---\ntitle: Two\npubDate: 2024-02-03\ndescription: Second post\n---\nTwo.\n',
  'src/pages/index.astro': '---\n---\n<h1>Home</h1>\n',
}

async function open(files: Record<string, string>) {
  const dir = makeTempDir('folio-layout-')
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  const opened = await FolderSession.open(dir, { index: { shards: 1, mode: 'local' } })
  if (!opened.ok) throw new Error(opened.error.message)
  await opened.value.whenIndexed()
  return { dir, session: opened.value, handlers: createAuthoringHandlers({ session: () => opened.value }) }
}

describe('Jekyll: new posts from the folder schema', () => {
  let site: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    site = await open(jekyll)
  })
  afterAll(async () => {
    await site.session.dispose()
    removeTempDir(site.dir)
  })

  it('is recognised, offers _posts, and names a post _posts/YYYY-MM-DD-slug.md (never a bundle)', async () => {
    const info = await site.handlers.getAuthoringInfo()
    expect(info).toMatchObject({ ok: true, value: { layout: 'jekyll', contentDir: '' } })
    if (!info.ok) return
    expect(info.value.sections[0]).toBe('_posts')
    expect(proposedArticlePath('jekyll', '_posts', 'Hello, Jekyll World!', true, '2026-12-05')).toEqual({ path: '_posts/2026-12-05-hello-jekyll-world.md', problem: null })
    expect(proposedArticlePath('jekyll', '', 'About me', false, '2026-12-05')).toEqual({ path: 'about-me.md', problem: null })
    expect(proposedArticlePath('hugo', 'content/posts', 'A bundle', true, '2026-12-05')).toEqual({ path: 'content/posts/a-bundle/index.md', problem: null })
  })

  it('creates a post with the keys most posts have, the title filled in and the date in the folder’s layout', async () => {
    const created = await site.handlers.createArticle({ path: '_posts/2026-12-05-hello.md', title: 'Hello' })
    expect(created).toMatchObject({ ok: true, value: { path: '_posts/2026-12-05-hello.md', renderer: 'schema' } })
    const text = fs.readFileSync(path.join(site.dir, '_posts/2026-12-05-hello.md'), 'utf8')
    expect(text).toMatch(/^---\n/)
    expect(text).toContain('title: "Hello"\n')
    expect(text).toContain('layout: "post"\n')
    expect(text).toMatch(/\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\n/)
    expect(text).toContain('categories: []\n')
    expect(text.endsWith('---\n\n')).toBe(true)
    expect(await site.handlers.createArticle({ path: '_posts/2026-12-05-hello.md', title: 'Hello' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('Astro: new entries in src/content/<collection>', () => {
  let site: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    site = await open(astro)
  })
  afterAll(async () => {
    await site.session.dispose()
    removeTempDir(site.dir)
  })

  it('is recognised with src/content as the content folder and its collections as sections', async () => {
    const info = await site.handlers.getAuthoringInfo()
    expect(info).toMatchObject({ ok: true, value: { layout: 'astro', contentDir: 'src/content', sections: ['src/content/blog'] } })
  })

  it('creates an entry from the collection’s keys, and refuses a path outside src/content', async () => {
    const created = await site.handlers.createArticle({ path: 'src/content/blog/new-entry.md', title: 'New entry' })
    expect(created).toMatchObject({ ok: true, value: { renderer: 'schema' } })
    const text = fs.readFileSync(path.join(site.dir, 'src/content/blog/new-entry.md'), 'utf8')
    expect(text).toMatch(/^---\n/)
    expect(text).toContain('\ntitle: "New entry"\n')
    expect(text).toMatch(/\npubDate: \d{4}-\d\d-\d\d\n/)
    expect(text).toContain('description: ""\n')
    expect(await site.handlers.createArticle({ path: 'src/pages/new.md', title: 'X' })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(fs.existsSync(path.join(site.dir, 'src/pages/new.md'))).toBe(false)
  })
})
