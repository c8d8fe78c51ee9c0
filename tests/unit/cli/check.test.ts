import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { folio, makeFolder, snapshot } from './cli-harness'
import { makeCorpusTool } from '../../support/corpus-tool'


const makeCorpus = makeCorpusTool

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('folio check', () => {
  it('prints only the build verdict of clean files and exits 0', async () => {
    root = makeFolder({ 'content/a.md': '---\ntitle: a\n---\n', 'content/b.markdown': '+++\ntitle = "b"\n+++\n' })
    expect(await folio(root, 'check', 'content')).toEqual({
      code: 0,
      stdout: 'content/a.md: published\ncontent/b.markdown: published\n',
      stderr: 'folio check: 2 articles, 2 published, 0 drafts, 0 future, 0 expired; 0 errors, 0 warnings\n',
    })
  })

  it('gives each article Hugo\'s build verdict as folio index does: the rulebook, in the site\'s time zone, nested draft ignored', async () => {
    const files: Record<string, string> = {
      'site/hugo.toml': "timeZone = 'Asia/Kolkata'\n",
      'site/content/draft.md': '---\ntitle: d\ndraft: true\n---\n',
      'site/content/draft-string.md': '---\ntitle: d\ndraft: "true"\n---\n',
      'site/content/future.md': '+++\ntitle = "f"\npublishDate = 2999-01-01\n+++\n',
      'site/content/pubdate.md': '---\ntitle: p\nPubDate: 2999-01-01\n---\n',
      'site/content/expired.md': '{ "title": "e", "expiryDate": "2001-01-01" }\n',
      'site/content/nested.md': '---\ntitle: n\nparams:\n  draft: true\n---\n',
      'site/content/nested.toml.md': '+++\ntitle = "n"\n[params]\ndraft = true\n+++\n',
      'site/content/broken.md': '---\ntitle: [\n---\n',
      'site/content/warned.md': '---\ntitle: w\ndraft: yes\n---\n',
    }
    root = makeFolder(files)
    const text = await folio(root, 'check', 'site/content')
    const verdicts = Object.fromEntries(text.stdout.split('\n').filter((l) => /^\S+: \w+$/.test(l)).map((l) => l.split(': ') as [string, string]))
    const index = await folio(root, 'index', 'site', '--json')
    const indexed = Object.fromEntries(index.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; build: string }).map((a) => [`site/${a.path}`, a.build]))
    expect(verdicts).toEqual({
      'site/content/broken.md': 'published', 'site/content/draft-string.md': 'draft', 'site/content/draft.md': 'draft',
      'site/content/expired.md': 'expired', 'site/content/future.md': 'future', 'site/content/nested.md': 'published',
      'site/content/nested.toml.md': 'published', 'site/content/pubdate.md': 'future', 'site/content/warned.md': 'draft',
    })
    expect(verdicts).toEqual(indexed)
    expect(text.stderr).toBe('folio check: 9 articles, 3 published, 3 drafts, 2 future, 1 expired; 1 errors, 2 warnings\n')
    const json = await folio(root, 'check', 'site/content', '--json')
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; build: string; problems: { line: number; severity: string }[] })
    expect(Object.fromEntries(lines.map((l) => [l.path, l.build]))).toEqual(verdicts)
    expect(lines.find((l) => l.path.endsWith('broken.md'))?.problems).toEqual([{ line: 2, column: 8, severity: 'error', message: expect.any(String) as unknown }])
    expect(json.code).toBe(1)
  })

  it('prints path:line:col: severity: message per problem and exits 1 when there is an error', async () => {
    root = makeFolder({
      'content/bad.md': '---\ntitle: a\ntitle: "b\n---\n',
      'content/warn.md': '---\ntitle: a\ncomments: yes\n---\n',
      'content/bin.md': Buffer.from([0, 1, 2]),
    })
    const run = await folio(root, 'check', 'content')
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^content\/bad\.md:3:8: error: /),
      'content/bad.md: published',
      expect.stringMatching(/^content\/bin\.md:1:1: error: .*binary/),
      'content/bin.md: published',
      expect.stringMatching(/^content\/warn\.md:3:11: warning: Hugo reads yes as true/),
      'content/warn.md: published',
    ])
    expect((await folio(root, 'check', 'content/warn.md')).code).toBe(0)
  })

  it('skips .git, node_modules, public and resources/_gen, and does not follow links out of the folder', async () => {
    const bad = '---\ntitle: [\n---\n'
    root = makeFolder({
      'site/.git/x.md': bad,
      'site/node_modules/x.md': bad,
      'site/public/x.md': bad,
      'site/resources/_gen/x.md': bad,
      'site/content/ok.md': '---\ntitle: ok\n---\n',
      'outside/evil.md': bad,
    })
    fs.symlinkSync(path.join(root, 'outside'), path.join(root, 'site', 'content', 'link'))
    fs.symlinkSync(path.join(root, 'outside', 'evil.md'), path.join(root, 'site', 'content', 'evil.md'))
    expect(await folio(root, 'check', 'site')).toMatchObject({ code: 0, stdout: 'site/content/ok.md: published\n' })
  })

  it('finds an error on the right line in every broken file of a generated corpus and changes nothing', async () => {
    root = makeFolder({})
    execFileSync(process.execPath, [makeCorpus, path.join(root, 'site'), '--articles', '20', '--seed', '3', '--broken', '12'])
    const brokenDir = path.join(root, 'site', 'content', 'broken')
    const files = fs.readdirSync(brokenDir).sort()
    const before = files.map((f) => snapshot(path.join(brokenDir, f)))
    const run = await folio(root, 'check', 'site')
    expect(run.code).toBe(1)
    const firstErrors = new Map<string, string>()
    for (const line of run.stdout.split('\n')) {
      const m = /^site\/content\/broken\/(broken-\d+\.md):(\d+):\d+: error:/.exec(line)
      if (m?.[1] && !firstErrors.has(m[1])) firstErrors.set(m[1], m[2] ?? '')
    }
    // make-corpus cycles through its broken kinds in this order; empty, fence-only and huge files are valid.
    expect(Object.fromEntries(firstErrors)).toEqual({
      'broken-0000.md': '2', 'broken-0001.md': '2', 'broken-0002.md': '1', 'broken-0003.md': '2', 'broken-0004.md': '1',
      'broken-0005.md': '1', 'broken-0006.md': '1', 'broken-0010.md': '2',
    })
    // NOTE: broken-0011 repeats a key: Hugo builds it and reads the last one, so check warns rather than errs.
    expect(run.stdout).toMatch(/^site\/content\/broken\/broken-0011\.md:2:1: warning: "title" appears again/m)
    expect(run.stdout).not.toMatch(/^site\/content\/posts\/\S+:\d+:\d+: /m)
    const setRun = await folio(root, 'set', ...files.map((f) => path.join(brokenDir, f)), 'title=changed')
    expect(setRun.code).toBe(1)
    for (const [i, f] of files.entries()) {
      if (firstErrors.has(f)) expect(snapshot(path.join(brokenDir, f)), f).toEqual(before[i])
    }
  })

  it('shares the summary cache with folio index: verdicts of unchanged files come from it, and --no-cache reads every file', async () => {
    const cacheDir = makeFolder({})
    vi.stubEnv('FOLIO_CACHE_DIR', cacheDir)
    try {
      root = makeFolder({ 'a.md': '---\ntitle: a\ncomments: yes\n---\n', 'b.md': '---\ntitle: b\n---\n' })
      // NOTE: the index writes the cache first; its rows carry no problems, so check reads the files and adds them.
      expect((await folio(root, 'index', '.')).code).toBe(0)
      const first = await folio(root, 'check', '.')
      expect(first.stdout).toMatch(/^a\.md:3:11: warning: Hugo reads yes as true/)
      const dir = path.join(cacheDir, 'index')
      for (const name of fs.readdirSync(dir)) {
        const body = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { articles: unknown[][] }
        for (const row of body.articles) if (row[0] === 'b.md') row[15] = [[2, 1, 'w', 'a warning kept in the cache']]
        fs.writeFileSync(path.join(dir, name), JSON.stringify(body))
      }
      expect((await folio(root, 'check', '.')).stdout).toMatch(/^b\.md:2:1: warning: a warning kept in the cache$/m)
      const uncached = await folio(root, 'check', '.', '--no-cache')
      expect(uncached).toEqual(first)
      expect(fs.readdirSync(root).sort()).toEqual(['a.md', 'b.md'])
    } finally {
      vi.unstubAllEnvs()
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })

  it('exits 2 for a path that does not exist', async () => {
    root = makeFolder({})
    expect((await folio(root, 'check', 'nope')).code).toBe(2)
  })
})
