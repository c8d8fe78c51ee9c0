import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFolderSchema } from '../../../src/core/schema'
import { FolderSession } from '../../../src/core/folder-session'
import { siteRulesForFolder, siteRulesForFolderSync, type FolderSiteRules } from '../../../src/core/hugo-site'
import { maxSiteFileBytes } from '../../../src/core/store/read-only-store'

// The Hugo config may live in the PARENT of the opened `content/` folder: it is read through a confined read-only
// store rooted at the site, never with a plain read. A config that is a FIFO, a link leading outside, too large or
// not UTF-8 gives Hugo's defaults (UTC) and says why; the folder still opens.

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-hugo-site-')))
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))
const isPosix = process.platform !== 'win32'

let count = 0
/** A Hugo site with `content/posts/a.md`; `config` writes the site root's files; returns the content folder. */
function site(config: (siteRoot: string) => void): string {
  const root = path.join(base, `site-${(count += 1)}`)
  fs.mkdirSync(path.join(root, 'content', 'posts'), { recursive: true })
  fs.writeFileSync(path.join(root, 'content', 'posts', 'a.md'), '---\ntitle: A\ndate: 2024-01-02T10:00:00\n---\nBody.\n')
  config(root)
  return path.join(root, 'content')
}

const readers: [string, (root: string) => Promise<FolderSiteRules>][] = [
  ['siteRulesForFolder', siteRulesForFolder],
  ['siteRulesForFolderSync (index workers)', (root) => Promise.resolve(siteRulesForFolderSync(root))],
]

describe.each(readers)('%s', (_name, read) => {
  it('reads the config in the parent of an opened content/ folder, named as the writer sees it', async () => {
    const content = site((root) => fs.writeFileSync(path.join(root, 'hugo.toml'), 'title = "x"\ntimeZone = "Europe/Oslo"\n'))
    const rules = await read(content)
    expect(rules).toMatchObject({ configFile: path.join(path.dirname(content), 'hugo.toml'), shownFile: '../hugo.toml', problem: null })
    expect(rules.rules.timeZone).toBe('Europe/Oslo')
  })

  it('follows a link that stays inside the site', async () => {
    const content = site((root) => {
      fs.mkdirSync(path.join(root, 'config'))
      fs.writeFileSync(path.join(root, 'config', 'real.toml'), 'timeZone = "Asia/Tokyo"\n')
      fs.symlinkSync(path.join('config', 'real.toml'), path.join(root, 'hugo.toml'))
    })
    expect((await read(content)).rules.timeZone).toBe('Asia/Tokyo')
  })

  it.runIf(isPosix)('refuses a config that is a FIFO without opening it: UTC and the reason', async () => {
    const content = site((root) => execFileSync('mkfifo', [path.join(root, 'hugo.toml')]))
    const rules = await read(content)
    expect(rules.rules.timeZone).toBeNull()
    expect(rules.shownFile).toBe('../hugo.toml')
    expect(rules.problem).toBe('"../hugo.toml" is not a regular file (a FIFO, socket or device); Folio does not open it. Dates are read in UTC (Hugo\'s default).')
  })

  it('refuses a config that is a link to a file outside the site: nothing outside is read', async () => {
    const outside = path.join(base, `outside-${count + 1}.toml`)
    fs.writeFileSync(outside, 'timeZone = "Europe/Oslo"\n')
    const content = site((root) => fs.symlinkSync(outside, path.join(root, 'hugo.toml')))
    const rules = await read(content)
    expect(rules.rules.timeZone).toBeNull()
    expect(rules.problem).toMatch(/^"\.\.\/hugo\.toml" leads outside the folder \(through a symbolic link\); Folio does not open it\. Dates are read in UTC/)
  })

  it('refuses a config larger than the limit from its size, and a non-UTF-8 one naming line and column', async () => {
    const huge = site((root) => {
      const fd = fs.openSync(path.join(root, 'hugo.toml'), 'w')
      fs.ftruncateSync(fd, maxSiteFileBytes + 1)
      fs.closeSync(fd)
    })
    expect((await read(huge)).problem).toBe('"../hugo.toml" is larger than 2 MB; Folio does not read it. Dates are read in UTC (Hugo\'s default).')
    const latin1 = site((root) => fs.writeFileSync(path.join(root, 'hugo.yaml'), Buffer.from('title: x\ntimeZone: Europe/Oslo\nauthor: Jos\xe9\n', 'latin1')))
    const rules = await read(latin1)
    expect(rules.rules.timeZone).toBeNull()
    expect(rules.problem).toMatch(/^"\.\.\/hugo\.yaml": The file is not valid UTF-8 text \(line 3, column 12\)\. Dates are read in UTC/)
  })

  it('gives the defaults with no problem when there is no config', async () => {
    expect(await read(site(() => undefined))).toMatchObject({ configFile: null, shownFile: null, problem: null })
  })
})

describe.runIf(isPosix)('a folder whose site config is hostile', () => {
  it('still opens, lists its articles, and the schema says why dates are read in UTC', async () => {
    const content = site((root) => execFileSync('mkfifo', [path.join(root, 'hugo.toml')]))
    const opened = await FolderSession.open(content)
    if (!opened.ok) throw new Error(opened.error.message)
    try {
      const listed = await opened.value.listArticles()
      expect(listed.ok && listed.value.map((a) => [a.path, a.title])).toEqual([['posts/a.md', 'A']])
    } finally {
      await opened.value.dispose()
    }
    const schema = await buildFolderSchema(content)
    if (!schema.ok) throw new Error(schema.error.message)
    expect(schema.value.siteTimeZone).toBeNull()
    expect(schema.value.problems.map((p) => [p.file, p.isSiteConfig])).toEqual([['../hugo.toml', true]])
    expect(schema.value.problems[0]?.message).toMatch(/FIFO.*Dates are read in UTC/)
  })
})
