import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderForArticle } from '../../../../src/core/host/article-folder'

let base = ''
beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'folio-article-folder-')))
  await mkdir(path.join(base, 'site', 'content', 'posts', 'bundle'), { recursive: true })
  await mkdir(path.join(base, 'site', 'archetypes'), { recursive: true })
  await writeFile(path.join(base, 'site', 'hugo.toml'), 'title = "x"\n')
  await writeFile(path.join(base, 'site', 'content', 'posts', 'bundle', 'index.md'), '# a\n')
  await writeFile(path.join(base, 'site', 'archetypes', 'default.md'), '# b\n')
  await mkdir(path.join(base, 'notes', 'deep'), { recursive: true })
  await writeFile(path.join(base, 'notes', 'deep', 'Loose.markdown'), '# c\n')
  await writeFile(path.join(base, 'notes', 'deep', 'image.png'), '')
  await symlink(path.join(base, 'site', 'content', 'posts', 'bundle', 'index.md'), path.join(base, 'notes', 'link.md'))
})
afterAll(() => rm(base, { recursive: true, force: true }))

describe('the folder opened for an article from outside', () => {
  it('is the Hugo site’s content folder, with the article relative to it', async () => {
    expect(await folderForArticle(path.join(base, 'site', 'content', 'posts', 'bundle', 'index.md'), [])).toEqual({ ok: true, value: { root: path.join(base, 'site', 'content'), article: 'posts/bundle/index.md' } })
  })

  it('is the site root for a Markdown file outside content/ (an archetype)', async () => {
    expect(await folderForArticle(path.join(base, 'site', 'archetypes', 'default.md'), [])).toMatchObject({ ok: true, value: { root: path.join(base, 'site'), article: 'archetypes/default.md' } })
  })

  it('prefers the most specific recent folder holding it, skipping missing ones', async () => {
    const file = path.join(base, 'site', 'content', 'posts', 'bundle', 'index.md')
    const recent = [path.join(base, 'gone'), path.join(base, 'site'), path.join(base, 'site', 'content', 'posts')]
    expect(await folderForArticle(file, recent)).toMatchObject({ ok: true, value: { root: path.join(base, 'site', 'content', 'posts'), article: 'bundle/index.md' } })
  })

  it('is the file’s own folder without any site, and follows a symlinked file to its real place', async () => {
    expect(await folderForArticle(path.join(base, 'notes', 'deep', 'Loose.markdown'), [])).toMatchObject({ ok: true, value: { root: path.join(base, 'notes', 'deep'), article: 'Loose.markdown' } })
    expect(await folderForArticle(path.join(base, 'notes', 'link.md'), [])).toMatchObject({ ok: true, value: { root: path.join(base, 'site', 'content'), article: 'posts/bundle/index.md' } })
  })

  it('fails clearly for a missing file, a folder or another file type', async () => {
    expect(await folderForArticle(path.join(base, 'nope.md'), [])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await folderForArticle(path.join(base, 'notes', 'deep', 'image.png'), [])).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await folderForArticle(path.join(base, 'site'), [])).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })
})
