import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backgroundIndexFrom } from '../../../src/cli/commands/search'
import { runCli } from '../../../src/cli/index'

async function folio(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

function makeFolder(files: Record<string, string>): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-search-'))
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), content)
  }
  return root
}

describe('folio search', () => {
  const files = {
    'posts/one.md': '---\ntitle: "Harbour news"\n---\nThe ferry left the harbour at dawn.\n',
    'posts/two.md': '---\ntitle: "Weather"\ntags: [harbour]\n---\nRain all day.\n',
    'posts/three.md': '---\ntitle: "Other"\n---\nNothing to see.\n',
  }

  it('finds articles holding every word (bodies and front matter) and marks the match', async () => {
    makeFolder(files)
    const run = await folio(root, 'search', '.', 'harbour')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('posts/one.md\tThe ferry left the [harbour] at dawn.')
    expect(run.stdout).toContain('posts/two.md\t')
    expect(run.stderr).toContain('2 matching article(s)')
    const both = await folio(root, 'search', '.', 'ferry DAWN', '--json')
    const hits = both.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; title: string })
    expect(hits.map((h) => [h.path, h.title])).toEqual([['posts/one.md', 'Harbour news']])
  })

  it('exits 1 when nothing matches and 2 on usage errors', async () => {
    makeFolder(files)
    expect((await folio(root, 'search', '.', 'absentword')).code).toBe(1)
    expect((await folio(root, 'search', '.')).code).toBe(2)
    expect((await folio(root, 'search', '.', 'x', '--limit', '0')).code).toBe(2)
    const limited = await folio(root, 'search', '.', 'harbour', '--limit', '1')
    expect(limited.stdout.trim().split('\n').length).toBe(1)
    expect(limited.stderr).toContain('showing 1')
  })
})

describe('folio search on a large folder without a saved index', () => {
  const savedEnv = process.env.FOLIO_CACHE_DIR
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.FOLIO_CACHE_DIR
    else process.env.FOLIO_CACHE_DIR = savedEnv
  })

  it('saves one in the background once its answer is out, starts no second job meanwhile, and none with the cache off', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < backgroundIndexFrom; i++) files[`posts/${i % 40}/p${i}.md`] = i % 500 === 0 ? 'the harbour\n' : 'nothing\n'
    makeFolder(files)
    const cacheDir = path.join(root, '..', `${path.basename(root)}-cache`)
    process.env.FOLIO_CACHE_DIR = cacheDir
    const started: string[][] = []
    const run = async (...args: string[]): Promise<string> => {
      let out = ''
      await runCli(args, { cwd: root, stdout: (t) => (out += t), stderr: () => undefined, startInBackground: (job) => started.push(job) })
      return out
    }
    try {
      const first = await run('search', '.', 'harbour')
      expect(started).toEqual([['search', root, 'harbour', '--save-index']])
      expect(await run('search', '.', 'harbour')).toBe(first)
      expect(started).toHaveLength(1)
      // NOTE: the job itself, run here: it saves the index (and drops its claim); later searches use it, start nothing.
      await run(...started[0])
      const saved = fs.readdirSync(path.join(cacheDir, 'search'))
      expect(saved).toHaveLength(1)
      expect(saved[0]).toMatch(/\.bin$/)
      expect(await run('search', '.', 'harbour')).toBe(first)
      expect(started).toHaveLength(1)
      process.env.FOLIO_CACHE_DIR = 'off'
      fs.rmSync(cacheDir, { recursive: true })
      await run('search', '.', 'harbour')
      expect(started).toHaveLength(1)
      expect(fs.existsSync(cacheDir)).toBe(false)
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})
