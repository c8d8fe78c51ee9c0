import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/cli/index'
import { makeCorpusTool } from '../../support/corpus-tool'

async function folio(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

const dirs: string[] = []
function makeFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-index-'))
  dirs.push(root)
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), content)
  }
  return root
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('folio index', () => {
  it('prints one JSON object a line per article with dates exactly as written, and a summary on stderr', async () => {
    const root = makeFolder({
      'content/a.md': '---\ntitle: "A"\ndate: 2024-01-02T03:04:05+01:00\ndraft: true\ntags: [x, "y"]\ncategories:\n  - news\n---\nbody\n',
      'content/b.md': '+++\ntitle = "B"\ndate = 2024-02-03\n+++\n',
      'content/c.md': '{ "title": "C", "date": "03/04/2024" }\n',
      'content/d.md': 'no front matter\n',
      'content/e.md': '---\ntitle: [\n---\n',
      'content/.git/x.md': 'hidden',
      'public/p.md': 'built',
    })
    const run = await folio(root, 'index', '.', '--json')
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toEqual([
      { path: 'content/a.md', title: 'A', date: '2024-01-02T03:04:05+01:00', draft: true, build: 'draft', tags: ['x', 'y'], categories: ['news'], format: 'yaml' },
      { path: 'content/b.md', title: 'B', date: '2024-02-03', draft: false, build: 'published', tags: [], categories: [], format: 'toml' },
      { path: 'content/c.md', title: 'C', date: '03/04/2024', draft: false, build: 'published', tags: [], categories: [], format: 'json' },
      { path: 'content/d.md', title: null, date: null, draft: false, build: 'published', tags: [], categories: [], format: 'none' },
      { path: 'content/e.md', title: null, date: null, draft: false, build: 'published', tags: [], categories: [], format: 'yaml', error: expect.objectContaining({ line: 2, column: 8 }) as unknown },
    ])
    expect(run.stderr).toMatch(/^folio index: 5 articles \(3 yaml|2 yaml/)
    expect(run.stderr).toMatch(/4 published, 1 drafts, 0 future, 0 expired, 1 with errors/)
  })

  it('gives each article the build status Hugo gives it now, with its aliases, casts and the site time zone', async () => {
    // NOTE: two hours ahead as UTC wall time: future for a UTC site, 3.5 hours past in Asia/Kolkata (UTC+05:30).
    const soon = new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
    const files = {
      'draft.md': '---\ndraft: "true"\n---\n',
      'yes.md': '---\nDraft: yes\n---\n',
      'pub.md': '---\ndate: 2000-01-01\nPubDate: 2099-01-01\n---\n',
      'gone.md': '+++\nunpublishdate = 2000-01-01\n+++\n',
      'bad.md': '---\ndate: 2099/01/01\n---\n',
      'soon.md': `---\ndate: ${soon}\n---\n`,
    }
    const build = async (root: string): Promise<Record<string, unknown>> => {
      const run = await folio(root, 'index', root, '--json')
      return Object.fromEntries(run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => [l.path, l.build])) as Record<string, unknown>
    }
    const expected = { 'bad.md': 'published', 'draft.md': 'draft', 'gone.md': 'expired', 'pub.md': 'future', 'yes.md': 'draft' }
    expect(await build(makeFolder(files))).toEqual({ ...expected, 'soon.md': 'future' })
    expect(await build(makeFolder({ ...files, 'config.toml': 'timeZone = "Asia/Kolkata"\n' }))).toEqual({ ...expected, 'soon.md': 'published' })
    const text = await folio(makeFolder({ 'gone.md': files['gone.md'] }), 'index', '.')
    expect(text.stdout).toBe('gone.md\t\t\ttoml\texpired\n')
  })

  it('prints tab-separated lines without --json and refuses bad arguments', async () => {
    const root = makeFolder({ 'a.md': '---\ntitle: A\n---\n' })
    const run = await folio(root, 'index', root)
    expect(run.stdout).toBe('a.md\tA\t\tyaml\tpublished\n')
    expect((await folio(root, 'index')).code).toBe(2)
    expect((await folio(root, 'index', 'missing-folder')).code).toBe(2)
    expect((await folio(root, 'index', '.', '--bogus')).code).toBe(2)
  })

  it('lists every article of a generated corpus', async () => {
    const root = makeFolder({})
    execFileSync(process.execPath, [makeCorpusTool, root, '--articles', '300', '--broken', '12'], { stdio: 'ignore' })
    const run = await folio(root, 'index', root, '--json')
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; error?: unknown })
    expect(lines.length).toBe(312)
    expect(lines.filter((l) => l.error !== undefined).length).toBeGreaterThanOrEqual(5)
    expect(run.stderr).toContain('312 articles')
  })
})

describe('folio index with the summary cache', () => {
  /** Rewrites the title of `rel`'s row in the cache files (its stamp kept), so a run that shows it has read the cache. */
  function markCachedTitle(cacheDir: string, rel: string, title: string): void {
    const dir = path.join(cacheDir, 'index')
    for (const name of fs.readdirSync(dir)) {
      const body = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { articles: unknown[][] }
      for (const row of body.articles) if (row[0] === rel) row[4] = title
      fs.writeFileSync(path.join(dir, name), JSON.stringify(body))
    }
  }
  const titles = (stdout: string): Record<string, unknown> =>
    Object.fromEntries(stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; title: unknown }).map((l) => [l.path, l.title]))

  it('reads unchanged files from the cache folder on the next run, a changed file again, and every file with --no-cache', async () => {
    const cacheDir = makeFolder({})
    vi.stubEnv('FOLIO_CACHE_DIR', cacheDir)
    const root = makeFolder({ 'a.md': '---\ntitle: A\ntags: [x]\n---\nSome words here\n', 'posts/b.md': '+++\ntitle = "B"\n+++\n', 'c.md': 'no front matter\n' })
    const first = await folio(root, 'index', '.', '--json')
    expect(first.code).toBe(0)
    expect(titles(first.stdout)).toEqual({ 'a.md': 'A', 'c.md': null, 'posts/b.md': 'B' })
    // NOTE: the cache lives in the cache folder (the app's shard file: one for a folder this small), never in the
    // content folder.
    expect(fs.readdirSync(path.join(cacheDir, 'index'))).toHaveLength(1)
    expect(fs.readdirSync(root).sort()).toEqual(['a.md', 'c.md', 'posts'])

    markCachedTitle(cacheDir, 'a.md', 'A from the cache')
    const cacheFiles = fs.readdirSync(path.join(cacheDir, 'index')).map((name) => path.join(cacheDir, 'index', name))
    const written = cacheFiles.map((file) => fs.statSync(file).mtimeMs)
    const second = await folio(root, 'index', '.', '--json')
    expect(titles(second.stdout)).toEqual({ 'a.md': 'A from the cache', 'c.md': null, 'posts/b.md': 'B' })
    // NOTE: nothing changed, so the cache is not written again.
    expect(cacheFiles.map((file) => fs.statSync(file).mtimeMs)).toEqual(written)

    fs.writeFileSync(path.join(root, 'a.md'), '---\ntitle: A, edited\n---\n')
    const third = await folio(root, 'index', '.', '--json')
    expect(titles(third.stdout)).toEqual({ 'a.md': 'A, edited', 'c.md': null, 'posts/b.md': 'B' })

    markCachedTitle(cacheDir, 'posts/b.md', 'B from the cache')
    expect(titles((await folio(root, 'index', '.', '--json')).stdout)['posts/b.md']).toBe('B from the cache')
    expect(titles((await folio(root, 'index', '.', '--json', '--no-cache')).stdout)['posts/b.md']).toBe('B')
    fs.rmSync(cacheDir, { recursive: true, force: true })
  })

  it('writes nowhere with FOLIO_CACHE_DIR=off', async () => {
    vi.stubEnv('FOLIO_CACHE_DIR', 'off')
    const root = makeFolder({ 'a.md': '---\ntitle: A\n---\n' })
    expect(titles((await folio(root, 'index', '.', '--json')).stdout)).toEqual({ 'a.md': 'A' })
    expect(fs.readdirSync(root)).toEqual(['a.md'])
  })
})
