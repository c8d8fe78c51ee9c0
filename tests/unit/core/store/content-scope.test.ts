import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { listArticleFiles } from '../../../../src/core/article-files'
import { siteRulesForFolderSync } from '../../../../src/core/hugo-site'
import { listArticleChunks, listFirstArticles } from '../../../../src/core/index/shard-files'
import { entryKind, isInScope } from '../../../../src/core/store/entry-rules'
import { siteRulesFromConfig } from '../../../../src/shared/hugo/site-config'
import { hasHugo } from '../../../support/hugo-on-path'

// Opened at a Hugo site root, Folio lists what Hugo lists: the pages under the config's contentDir (and each
// language's), never archetypes, a theme's example site or the README. Every listing (store, index workers, first
// rows) keeps to the same scope. Hugo 0.111's own `hugo list all` answers the same (checked live when on PATH).

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-scope-')))
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

const page = '---\ntitle: A\ndate: 2024-01-02\n---\nBody.\n'
const everywhere = ['content/posts/a.md', 'content/_index.md', 'docs/d.md', 'archetypes/default.md', 'themes/t/exampleSite/content/b.md', 'layouts/partials/note.md', 'README.md']

let count = 0
/** A site root holding a page at each of `everywhere`, with `config` as its hugo.toml (null: no config at all). */
function site(config: string | null, files: readonly string[] = everywhere): string {
  const root = path.join(base, `site-${(count += 1)}`)
  for (const rel of files) {
    fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), page)
  }
  if (config !== null) fs.writeFileSync(path.join(root, 'hugo.toml'), config)
  return root
}

function chunked(root: string): string[] {
  const found: string[] = []
  expect(listArticleChunks(root, (paths) => found.push(...paths))).toBe(true)
  return found.sort()
}

async function everyListing(root: string): Promise<string[]> {
  const listed = await listArticleFiles(root)
  if (!listed.ok) throw new Error(listed.error.message)
  expect(chunked(root)).toEqual(listed.value)
  expect(listFirstArticles(root, 100).sort()).toEqual(listed.value)
  return listed.value
}

describe('the articles of a Hugo site root are its content folders', () => {
  it('lists only content/ when the config names no contentDir', async () => {
    expect(await everyListing(site('title = "x"\n'))).toEqual(['content/_index.md', 'content/posts/a.md'])
  })

  it("follows the config's contentDir and each language's, in config/_default too", async () => {
    expect(await everyListing(site('contentDir = "docs"\n'))).toEqual(['docs/d.md'])
    const multilingual = site('[languages.en]\ncontentDir = "content"\n[languages.no]\ncontentDir = "docs"\n')
    expect(await everyListing(multilingual)).toEqual(['content/_index.md', 'content/posts/a.md', 'docs/d.md'])
    const underDefault = site(null)
    fs.mkdirSync(path.join(underDefault, 'config', '_default'), { recursive: true })
    fs.writeFileSync(path.join(underDefault, 'config', '_default', 'hugo.yaml'), 'contentDir: docs\n')
    expect(await everyListing(underDefault)).toEqual(['docs/d.md'])
  })

  it('lists the whole folder without a config, for contentDir ".", when no content folder exists, and inside content/ itself', async () => {
    expect(await everyListing(site(null))).toHaveLength(everywhere.length)
    expect(await everyListing(site('contentDir = "."\n'))).toHaveLength(everywhere.length)
    expect(await everyListing(site('contentDir = "missing"\n'))).toHaveLength(everywhere.length)
    const root = site('title = "x"\n')
    expect(await everyListing(path.join(root, 'content'))).toEqual(['_index.md', 'posts/a.md'])
  })

  it('never takes a contentDir that leaves the site (.., absolute, a drive); a config that does not parse means content/', () => {
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = "../elsewhere"\n').contentDirs).toEqual(['content'])
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = "/etc"\n').contentDirs).toEqual(['content'])
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = "C:\\\\x"\n').contentDirs).toEqual(['content'])
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = "./docs/"\n').contentDirs).toEqual(['docs'])
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = "docs\\\\en"\n').contentDirs).toEqual(['docs/en'])
    expect(siteRulesFromConfig('hugo.toml', 'contentDir = [\n').contentDirs).toEqual(['content'])
    expect(siteRulesForFolderSync(site('contentDir = "../x"\n')).articleScope).toEqual(['content'])
  })

  it('walks only the folders on the way to a content folder', () => {
    const dir = { isDirectory: () => true, isFile: () => false, isSymbolicLink: () => false, name: '' }
    const file = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false, name: 'a.md' }
    const scope = ['site/content']
    expect(['site', 'site/content', 'site/content/posts'].map((rel) => entryKind({ ...dir, name: path.posix.basename(rel) }, rel, scope))).toEqual(['folder', 'folder', 'folder'])
    expect(entryKind({ ...dir, name: 'themes' }, 'themes', scope)).toBeNull()
    expect(entryKind({ ...dir, name: 'content-old' }, 'site/content-old', scope)).toBeNull()
    expect(entryKind(file, 'site/a.md', scope)).toBeNull()
    expect(entryKind(file, 'site/content/a.md', scope)).toBe('article')
    expect(isInScope('README.md', null)).toBe(true)
  })
})


describe.skipIf(!hasHugo)('agrees with the installed Hugo (live)', () => {
  it.each(['title = "x"\n', 'contentDir = "docs"\n'])('lists the pages `hugo list all` lists for %j', async (config) => {
    const root = site(config, everywhere.filter((rel) => !rel.endsWith('_index.md')))
    const csv = execFileSync('hugo', ['list', 'all', '--source', root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const hugoPaths = csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]).sort()
    expect(await everyListing(root)).toEqual(hugoPaths)
  }, 30_000)
})
